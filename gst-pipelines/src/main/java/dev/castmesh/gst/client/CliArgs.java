package dev.castmesh.gst.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Minimal command-line parsing: positionals, {@code --name value} options and {@code --flag}s. Pure. */
final class CliArgs {
    private final List<String> positional;
    private final Map<String, String> options;
    private final Set<String> flags;

    private CliArgs(List<String> positional, Map<String, String> options, Set<String> flags) {
        this.positional = positional;
        this.options = options;
        this.flags = flags;
    }

    /** @throws IllegalArgumentException on an unknown option or a missing value */
    static CliArgs parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
            } else if (flagOptions.contains(arg)) {
                flags.add(arg);
            } else if (valueOptions.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new CliArgs(positional, options, flags);
    }

    /** The positionals without a leading command word (e.g. {@code publish URL} and {@code URL} both work). */
    List<String> positionalAfter(String command) {
        return !positional.isEmpty() && positional.get(0).equals(command) ? positional.subList(1, positional.size())
                : positional;
    }

    /** The one positional URL after {@code command}. */
    URI url(String command) {
        List<String> positional = positionalAfter(command);
        if (positional.size() != 1) {
            throw new IllegalArgumentException("expected exactly one URL");
        }
        return URI.create(positional.get(0));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** {@code --duration SECONDS}: empty means until interrupted. */
    Optional<Duration> seconds(String name) {
        return option(name).map(v -> {
            try {
                double s = Double.parseDouble(v);
                if (s <= 0) {
                    throw new NumberFormatException();
                }
                return Duration.ofMillis((long) (s * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a positive number of seconds");
            }
        });
    }
}
