package dev.castmesh.agent.config;

import dev.castmesh.gst.sdp.SdpLimits;
import dev.castmesh.server.config.ConfigException;

import java.time.Duration;

/**
 * Our own {@code [webrtc]} section.
 *
 * @param negotiationTimeout  seconds a WHIP/WHEP request may wait for its answer, ICE gathering included (default 10)
 * @param sessionIdleTimeout  seconds after which a session that never connected, or went silent, is ended (default 30)
 * @param maxSdpBytes         longest SDP offer or trickle fragment (default 65536); longer: 400
 * @param maxMediaSections    most m-lines in one offer (default 8); more: 400
 * @param maxCandidates       most {@code a=candidate} lines in one offer or trickle fragment (default 64); more: 400
 */
public record WebRtcConfig(Duration negotiationTimeout, Duration sessionIdleTimeout, Integer maxSdpBytes,
                           Integer maxMediaSections, Integer maxCandidates) {
    public static final Duration DEFAULT_NEGOTIATION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public WebRtcConfig {
        negotiationTimeout = negotiationTimeout == null ? DEFAULT_NEGOTIATION_TIMEOUT : negotiationTimeout;
        sessionIdleTimeout = sessionIdleTimeout == null ? DEFAULT_SESSION_IDLE_TIMEOUT : sessionIdleTimeout;
        maxSdpBytes = maxSdpBytes == null ? SdpLimits.DEFAULT.maxBytes() : maxSdpBytes;
        maxMediaSections = maxMediaSections == null ? SdpLimits.DEFAULT.maxMediaSections() : maxMediaSections;
        maxCandidates = maxCandidates == null ? SdpLimits.DEFAULT.maxCandidates() : maxCandidates;
        if (maxSdpBytes < 1024 || maxSdpBytes > dev.castmesh.agent.MediaAgent.MAX_REQUEST_BYTES) {
            throw new ConfigException("webrtc.max_sdp_bytes must be 1024 to " + dev.castmesh.agent.MediaAgent.MAX_REQUEST_BYTES
                    + ", got " + maxSdpBytes);
        }
        if (maxMediaSections < 1 || maxMediaSections > 64) {
            throw new ConfigException("webrtc.max_media_sections must be 1 to 64, got " + maxMediaSections);
        }
        if (maxCandidates < 1 || maxCandidates > 1000) {
            throw new ConfigException("webrtc.max_candidates must be 1 to 1000, got " + maxCandidates);
        }
        if (negotiationTimeout.isZero()) {
            throw new ConfigException("webrtc.negotiation_timeout must be more than 0 seconds");
        }
        if (sessionIdleTimeout.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new ConfigException("webrtc.session_idle_timeout must be at least 5 seconds, got "
                    + sessionIdleTimeout.toSeconds());
        }
    }

    /** The limits every offer and fragment is parsed within. */
    public SdpLimits sdpLimits() {
        return new SdpLimits(maxSdpBytes, maxMediaSections, maxCandidates);
    }

    public static WebRtcConfig defaults() {
        return new WebRtcConfig(null, null, null, null, null);
    }
}
