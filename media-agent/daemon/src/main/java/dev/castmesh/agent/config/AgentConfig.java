package dev.castmesh.agent.config;

import dev.castmesh.agent.auth.AuthConfig;
import dev.castmesh.api.ice.IceServer;

import java.util.List;

/**
 * The whole {@code media-agent.toml}, one record per section; missing sections take their defaults.
 *
 * @param iceServers {@code [[ice_servers]]}: sent as WHIP/WHEP {@code Link} headers and given to webrtcbin
 * @param media      {@code [media]}: loss repair and the receive jitter buffer
 * @param cluster    {@code [cluster]}: the control plane to send heartbeats to; null = standalone
 * @param recorder   {@code [recorder]}: automatic recording, segment duration, local spool
 * @param cascade    {@code [cascade]}: remote endpoints cascades may use besides the cluster's nodes
 */
public record AgentConfig(HttpConfig http, AuthConfig auth, List<IceServer> iceServers, StrategyConfig strategy,
                          WebRtcConfig webrtc, MediaConfig media, ClusterConfig cluster, RecorderConfig recorder,
                          CascadeConfig cascade) {
    public AgentConfig {
        http = http == null ? HttpConfig.defaults() : http;
        auth = auth == null ? AuthConfig.open() : auth;
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        strategy = strategy == null ? StrategyConfig.defaults() : strategy;
        webrtc = webrtc == null ? WebRtcConfig.defaults() : webrtc;
        media = media == null ? MediaConfig.defaults() : media;
        recorder = recorder == null ? RecorderConfig.defaults() : recorder;
        cascade = cascade == null ? CascadeConfig.defaults() : cascade;
    }

    public static AgentConfig defaults() {
        return new AgentConfig(null, null, null, null, null, null, null, null, null);
    }

    public AgentConfig withHttp(HttpConfig value) {
        return new AgentConfig(value, auth, iceServers, strategy, webrtc, media, cluster, recorder, cascade);
    }

    public AgentConfig withAuth(AuthConfig value) {
        return new AgentConfig(http, value, iceServers, strategy, webrtc, media, cluster, recorder, cascade);
    }

    public AgentConfig withCluster(ClusterConfig value) {
        return new AgentConfig(http, auth, iceServers, strategy, webrtc, media, value, recorder, cascade);
    }

    public AgentConfig withRecorder(RecorderConfig value) {
        return new AgentConfig(http, auth, iceServers, strategy, webrtc, media, cluster, value, cascade);
    }

    /** Part of a cluster: {@code [cluster]} is present. */
    public boolean clustered() {
        return cluster != null;
    }

    public AgentConfig withStrategy(StrategyConfig value) {
        return new AgentConfig(http, auth, iceServers, value, webrtc, media, cluster, recorder, cascade);
    }
}
