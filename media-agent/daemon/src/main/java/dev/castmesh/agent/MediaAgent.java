package dev.castmesh.agent;

import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.security.SecurityProperties;
import dev.castmesh.server.config.ConfigArgument;
import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.config.ServerProperties;
import dev.castmesh.server.config.TomlConfigLoader;
import dev.castmesh.server.openapi.OpenApiController;
import io.micronaut.context.ApplicationContext;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Entry point: {@code media-agent [--config FILE]}. Its annotations describe the OpenAPI document built at compile time. */
@OpenAPIDefinition(info = @Info(title = "Castmesh media agent", version = "0.1.0",
        description = "One media host: WHIP ingest, WHEP fan-out, cascade and recording (Live777-compatible)."))
@OpenAPIInclude(classes = OpenApiController.class)
public final class MediaAgent {
    /** Largest request body the agent reads (an SDP offer is a few KB; Chromium's with many codecs about 10). */
    public static final long MAX_REQUEST_BYTES = 256 * 1024;

    private MediaAgent() {
    }

    public static void main(String[] args) {
        try {
            Path file = ConfigArgument.of(args);
            AgentConfig config = file == null ? AgentConfig.defaults() : new TomlConfigLoader().read(file, AgentConfig.class);
            // Micronaut's own shutdown hook closes the context (and so the media engine) on SIGTERM; a second
            // hook of ours would deadlock with it.
            start(config);
        } catch (ConfigException e) {
            System.err.println("castmesh agent: configuration error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Starts the agent with its HTTP server; tests call this too, with {@code listen = "127.0.0.1:0"}. */
    public static ApplicationContext start(AgentConfig config) {
        Map<String, Object> properties = ServerProperties.of("castmesh-media-agent", config.http().host(),
                config.http().port());
        properties.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES);
        properties.putAll(SecurityProperties.of(config.auth()));
        properties.put("endpoints.health.details-visible", SecurityProperties.healthDetails(config.auth()));
        List<Object> singletons = new ArrayList<>(List.of(config, config.http(), config.auth(), config.strategy(),
                config.webrtc()));
        if (config.clustered()) {
            singletons.add(config.cluster());
        }
        return Micronaut.build(new String[0])
                .mainClass(MediaAgent.class)
                .banner(false)
                .properties(properties)
                .singletons(singletons.toArray())
                .start();
    }
}
