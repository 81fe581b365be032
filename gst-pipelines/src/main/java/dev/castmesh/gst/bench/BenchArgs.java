package dev.castmesh.gst.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} options of the benchmark mains; unknown options fail with their name. */
final class BenchArgs {
    private final Map<String, String> values;

    private BenchArgs(Map<String, String> values) {
        this.values = values;
    }

    static BenchArgs parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !defaults.containsKey(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name + " (known: --"
                        + String.join(", --", defaults.keySet()) + ")");
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name.substring(2), args[++i]);
        }
        return new BenchArgs(values);
    }

    String text(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int integer(String name) {
        try {
            return Integer.parseInt(text(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number: " + values.get(name));
        }
    }

    /** A comma-separated list of non-negative whole numbers, e.g. {@code 0,10,25}. */
    List<Integer> integers(String name) {
        List<Integer> out = new ArrayList<>();
        for (String part : text(name).split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a list like 0,10,25: " + values.get(name));
            }
        }
        return out;
    }

    /** {@code --token}: {@code -} (the default of every benchmark) means none. */
    Optional<String> token() {
        return text("token").equals("-") ? Optional.empty() : Optional.of(text("token"));
    }

    /** A server's base URL option without trailing slashes, so paths can be appended. */
    String baseUrl(String name) {
        return text(name).replaceAll("/+$", "");
    }
}
