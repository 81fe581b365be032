package dev.castmesh.agent;

import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.agent.config.ConfigException;
import dev.castmesh.agent.config.TomlConfigLoader;
import dev.castmesh.security.SecurityProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Entry point: {@code media-agent [--config FILE]}. */
public final class MediaAgent {
    /** Largest request body the agent reads (an SDP offer is a few KB; Chromium's with many codecs about 10). */
    public static final long MAX_REQUEST_BYTES = 256 * 1024;

    private MediaAgent() {
    }

    public static void main(String[] args) {
        try {
            Path file = configFile(args);
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
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.application.name", "castmesh-media-agent");
        properties.put("micronaut.server.host", config.http().host());
        // Micronaut reads -1 as "any free port"; our TOML says 0 like every other server.
        properties.put("micronaut.server.port", config.http().port() == 0 ? -1 : config.http().port());
        properties.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES);
        properties.putAll(SecurityProperties.of(config.auth()));
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
