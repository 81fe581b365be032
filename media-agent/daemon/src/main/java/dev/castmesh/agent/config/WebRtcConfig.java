package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;

import java.time.Duration;

/**
 * Our own {@code [webrtc]} section.
 *
 * @param negotiationTimeout  seconds a WHIP/WHEP request may wait for its answer, ICE gathering included (default 10)
 * @param sessionIdleTimeout  seconds after which a session that never connected, or went silent, is ended (default 30)
 */
public record WebRtcConfig(Duration negotiationTimeout, Duration sessionIdleTimeout) {
    public static final Duration DEFAULT_NEGOTIATION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public WebRtcConfig {
        negotiationTimeout = negotiationTimeout == null ? DEFAULT_NEGOTIATION_TIMEOUT : negotiationTimeout;
        sessionIdleTimeout = sessionIdleTimeout == null ? DEFAULT_SESSION_IDLE_TIMEOUT : sessionIdleTimeout;
        if (negotiationTimeout.isZero()) {
            throw new ConfigException("webrtc.negotiation_timeout must be more than 0 seconds");
        }
        if (sessionIdleTimeout.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new ConfigException("webrtc.session_idle_timeout must be at least 5 seconds, got "
                    + sessionIdleTimeout.toSeconds());
        }
    }

    public static WebRtcConfig defaults() {
        return new WebRtcConfig(null, null);
    }
}
