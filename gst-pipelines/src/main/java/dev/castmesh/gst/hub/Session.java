package dev.castmesh.gst.hub;

import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.webrtc.WebRTCPeerConnectionState;

import java.time.Instant;
import java.util.Optional;

/** What publisher and viewer sessions share: an id, a webrtcbin endpoint, liveness and a rate meter. */
abstract class Session {
    private final String id;
    private final String elementName;
    private final WebRtcEndpoint endpoint;
    private final SessionDescription remoteOffer;
    private final SessionLiveness liveness;
    private final RateMeter meter = new RateMeter();
    private boolean answered;

    Session(String id, String elementName, WebRtcEndpoint endpoint, SessionDescription remoteOffer,
            SessionLiveness liveness) {
        this.id = id;
        this.elementName = elementName;
        this.endpoint = endpoint;
        this.remoteOffer = remoteOffer;
        this.liveness = liveness;
    }

    String id() {
        return id;
    }

    /** The name of this session's webrtcbin; its branch elements are named with this prefix. */
    String elementName() {
        return elementName;
    }

    WebRtcEndpoint endpoint() {
        return endpoint;
    }

    SessionDescription remoteOffer() {
        return remoteOffer;
    }

    SessionState state() {
        return liveness.state();
    }

    RateMeter meter() {
        return meter;
    }

    boolean answered() {
        return answered;
    }

    void markAnswered(Instant now) {
        answered = true;
        liveness.observeState(SessionState.CONNECTING, now);
    }

    /** Reads webrtcbin's connection state (a cheap property read). @return true if it changed */
    boolean pollState(Instant now) {
        if (!answered) {
            return false;
        }
        return liveness.observeState(map(endpoint.connectionState()), now);
    }

    void applyStats(WebRtcStats stats, Instant now) {
        meter.sample(bytes(stats), now);
        liveness.observeProgress(progressMark(stats), now);
    }

    Optional<String> reapReason(Instant now) {
        return liveness.reapReason(now);
    }

    /** The cumulative byte counter shown in snapshots. */
    abstract long bytes(WebRtcStats stats);

    /** A counter that moves while the peer is alive. */
    abstract long progressMark(WebRtcStats stats);

    private static SessionState map(WebRTCPeerConnectionState state) {
        return switch (state) {
            case NEW, CONNECTING -> SessionState.CONNECTING;
            case CONNECTED -> SessionState.CONNECTED;
            case DISCONNECTED -> SessionState.DISCONNECTED;
            case FAILED -> SessionState.FAILED;
            case CLOSED -> SessionState.CLOSED;
        };
    }
}
