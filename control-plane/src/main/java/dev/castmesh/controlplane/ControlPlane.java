package dev.castmesh.controlplane;

import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.controlplane.config.MicronautProperties;
import dev.castmesh.controlplane.database.DatabaseProbe;
import dev.castmesh.controlplane.database.DatabaseUnavailableException;
import dev.castmesh.controlplane.database.DatabaseUrl;
import dev.castmesh.server.config.ConfigArgument;
import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.openapi.OpenApiController;
import io.micronaut.context.ApplicationContext;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.server.EmbeddedServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.time.Clock;

/** Entry point: {@code control-plane [--config FILE]}. Its annotations describe the OpenAPI document built at compile time. */
@OpenAPIDefinition(info = @Info(title = "Castmesh control plane", version = "0.1.0",
        description = "The cluster entry point: WHIP/WHEP routing, nodes, streams, recordings, events (Liveman-compatible)."))
@OpenAPIInclude(classes = OpenApiController.class)
public final class ControlPlane {
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

    private ControlPlane() {
    }

    /**
     * Starts or exits with status 2 and one line on stderr ({@code castmesh control-plane: …}) for a configuration
     * mistake, an unusable database or a taken port; 1 for any other start-up failure. Passwords are masked.
     */
    public static void main(String[] args) {
        ControlPlaneConfig config;
        try {
            config = new ControlPlaneConfigLoader(System.getenv()).load(ConfigArgument.of(args));
        } catch (ConfigException e) {
            exit(2, "configuration error: " + e.getMessage());
            return;
        }
        try {
            start(config);
        } catch (DatabaseUnavailableException e) {
            exit(2, e.getMessage());
        } catch (RuntimeException e) {
            if (StartupFailure.rootCause(e) instanceof BindException) {
                exit(2, "cannot listen on " + config.http().listen() + ": " + StartupFailure.describe(e));
            } else {
                exit(1, "cannot start: " + StartupFailure.describe(e));
            }
        }
    }

    /** Starts the control plane with its HTTP server; tests call this too, with {@code listen = "127.0.0.1:0"}. */
    public static ApplicationContext start(ControlPlaneConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts with a given clock (tests move time). First opens one database connection, so an unreachable
     * database fails fast with {@link DatabaseUnavailableException} instead of a framework error.
     */
    public static ApplicationContext start(ControlPlaneConfig config, Clock clock) {
        DatabaseProbe.check(config.database());
        ApplicationContext context = new Launcher()
                .mainClass(ControlPlane.class)
                .banner(false)
                .properties(MicronautProperties.of(config))
                .singletons(config, config.http(), config.database(), config.auth(), config.cluster(), config.relay(),
                        config.extraIce(), config.cascade(), config.recorder().storage(), config.playback(), clock)
                .start();
        context.findBean(EmbeddedServer.class).ifPresent(server -> LOG.info("listening on {}, database {}",
                server.getURL(), DatabaseUrl.mask(config.database().url())));
        return context;
    }

    private static void exit(int status, String message) {
        System.err.println("castmesh control-plane: " + message);
        System.exit(status);
    }
}
