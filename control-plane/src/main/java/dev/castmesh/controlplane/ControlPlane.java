package dev.castmesh.controlplane;

import dev.castmesh.controlplane.config.ConfigException;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.controlplane.config.MicronautProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.nio.file.Path;

/** Entry point: {@code control-plane [--config FILE]}. */
public final class ControlPlane {
    private ControlPlane() {
    }

    public static void main(String[] args) {
        try {
            ControlPlaneConfig config = new ControlPlaneConfigLoader(System.getenv()).load(configFile(args));
            start(config);
        } catch (ConfigException e) {
            System.err.println("castmesh control-plane: configuration error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Starts the control plane with its HTTP server; tests call this too, with {@code listen = "127.0.0.1:0"}. */
    public static ApplicationContext start(ControlPlaneConfig config) {
        return Micronaut.build(new String[0])
                .mainClass(ControlPlane.class)
                .banner(false)
                .properties(MicronautProperties.of(config))
                .singletons(config, config.http(), config.database(), config.auth())
                .start();
    }

    private static Path configFile(String[] args) {
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
