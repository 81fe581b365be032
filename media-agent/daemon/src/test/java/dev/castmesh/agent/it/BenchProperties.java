package dev.castmesh.agent.it;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Optional system properties through which {@code ./castmesh bench} runs a measuring IT with other figures than the
 * test's own (which are the defaults), and in bench mode ({@value #BENCH}{@code =true}) without its pass/fail
 * targets. Pure over its lookup; a bad value fails with the property's name.
 */
final class BenchProperties {
    static final String BENCH = "castmesh.bench";

    private final UnaryOperator<String> lookup;

    BenchProperties(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    static BenchProperties system() {
        return new BenchProperties(System::getProperty);
    }

    /** Whether the IT only measures: it prints everything and asserts nothing about the figures. */
    boolean benchMode() {
        String value = text(BENCH);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException(BENCH + " must be true or false, got '" + value + "'");
    }

    /** An integer in [min, max], or {@code defaultValue} when the property is not set. */
    int integer(String key, int defaultValue, int min, int max) {
        String value = text(key);
        return value == null ? defaultValue : parse(key, value, min, max);
    }

    /** A comma-separated list of distinct integers in [min, max], in the given order, or {@code defaults}. */
    List<Integer> integers(String key, List<Integer> defaults, int min, int max) {
        String value = text(key);
        if (value == null) {
            return defaults;
        }
        LinkedHashSet<Integer> values = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!values.add(parse(key, part.strip(), min, max))) {
                throw new IllegalArgumentException(key + " lists " + part.strip() + " twice: '" + value + "'");
            }
        }
        return List.copyOf(values);
    }

    private String text(String key) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int parse(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
    }
}
