package dev.castmesh.server.config;

import java.nio.file.Path;

/** The {@code --config FILE} (or {@code --config=FILE}) command-line argument both servers take. */
public final class ConfigArgument {
    private ConfigArgument() {
    }

    /** The file named by {@code --config}, or null when there is none (the server then runs on defaults). */
    public static Path of(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 == args.length) {
                    throw new ConfigException("--config needs a file name");
                }
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }
}
