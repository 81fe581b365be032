package dev.castmesh.agent.config;

/** The whole {@code media-agent.toml}, one record per section; missing sections take their defaults. */
public record AgentConfig(HttpConfig http) {
    public AgentConfig {
        http = http == null ? HttpConfig.defaults() : http;
    }

    public static AgentConfig defaults() {
        return new AgentConfig(null);
    }
}
