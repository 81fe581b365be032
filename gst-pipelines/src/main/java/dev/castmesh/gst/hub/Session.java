package dev.castmesh.gst.hub;

import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.webrtc.WebRTCPeerConnectionState;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What publisher and viewer sessions share: an id, a webrtcbin endpoint, liveness and a rate meter. */
abstract class Session {
    private final String id;
    private final String elementName;
    private final WebRtcEndpoint endpoint;
    private final SessionDescription remoteOffer;
    private final SessionLiveness liveness;
    private final RateMeter meter = new RateMeter();
    private boolean answered;
    /** A connection-state read that has not returned yet (webrtcbin's PC lock is held by a stuck operation). */
    private CompletableFuture<WebRTCPeerConnectionState> stateRead;
    private Instant unresponsiveSince;
    private boolean statsPending;
    /** How long a tick waits for a connection-state read. */
    private static final Duration STATE_READ_WAIT = Duration.ofMillis(100);
    /** A webrtcbin that has not answered a property read this long is reaped. */
    static final Duration UNRESPONSIVE_LIMIT = Duration.ofSeconds(5);

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

    /**
     * Reads webrtcbin's connection state. The read takes webrtcbin's PC lock, which a stuck webrtcbin
     * operation can hold forever: it runs on {@code pool} and is waited for briefly; a read still pending
     * is not repeated, and after {@link #UNRESPONSIVE_LIMIT} the session is reaped.
     *
     * @return true if the state changed
     */
    boolean pollState(Instant now, Executor pool) {
        if (!answered) {
            return false;
        }
        if (stateRead == null) {
            stateRead = CompletableFuture.supplyAsync(endpoint::connectionState, pool);
        }
        WebRTCPeerConnectionState state;
        try {
            state = stateRead.get(STATE_READ_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (unresponsiveSince == null) {
                unresponsiveSince = now;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            stateRead = null;
            return false;
        }
        stateRead = null;
        unresponsiveSince = null;
        return liveness.observeState(map(state), now);
    }

    /** Claims the one stats read a session may have in flight. */
    boolean startStatsRead() {
        if (statsPending) {
            return false;
        }
        statsPending = true;
        return true;
    }

    void statsReadDone() {
        statsPending = false;
    }

    void applyStats(WebRtcStats stats, Instant now) {
        meter.sample(bytes(stats), now);
        liveness.observeProgress(progressMark(stats), now);
    }

    Optional<String> reapReason(Instant now) {
        if (unresponsiveSince != null && !now.isBefore(unresponsiveSince.plus(UNRESPONSIVE_LIMIT))) {
            return Optional.of("webrtcbin unresponsive for " + UNRESPONSIVE_LIMIT.toSeconds() + " s");
        }
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
