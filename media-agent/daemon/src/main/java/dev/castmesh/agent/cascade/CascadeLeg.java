package dev.castmesh.agent.cascade;

import dev.castmesh.api.streams.CascadeLink;
import dev.castmesh.gst.cascade.BridgeSnapshot;
import dev.castmesh.gst.cascade.CascadeBridge;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bridge the manager owns: a pull feeding a local copy, or a push of a local stream. Its URL and node change
 * when a pull is re-attached; the state a {@link CopyWatch} judged is kept for the views.
 */
final class CascadeLeg {
    private final String stream;
    private final boolean pull;
    private final CascadeBridge bridge;
    private final CopyWatch watch;
    /** The engine session the bridge holds locally: the copy's publisher (pull) or a viewer (push). */
    private final String localSession;
    private volatile String url;
    private volatile String node;
    private volatile LegState state = LegState.LIVE;
    private final AtomicBoolean statsPending = new AtomicBoolean();
    private volatile long targetReports;
    private volatile Instant feedbackChangedAt;

    /** @param startedAt when the leg went live (the target's first report is awaited from then on) */
    CascadeLeg(String stream, boolean pull, CascadeBridge bridge, CopyWatch watch, String localSession, String url,
               String node, Instant startedAt) {
        this.stream = stream;
        this.pull = pull;
        this.bridge = bridge;
        this.watch = watch;
        this.localSession = localSession;
        this.url = url;
        this.node = node;
        this.feedbackChangedAt = startedAt;
    }

    String stream() {
        return stream;
    }

    boolean pull() {
        return pull;
    }

    CascadeBridge bridge() {
        return bridge;
    }

    /** Null for a push. */
    CopyWatch watch() {
        return watch;
    }

    String localSession() {
        return localSession;
    }

    String url() {
        return url;
    }

    String node() {
        return node;
    }

    void retarget(String newUrl, String newNode) {
        this.url = newUrl;
        this.node = newNode;
    }

    /** As last judged; CLOSED once ended. */
    LegState state() {
        return state;
    }

    void state(LegState newState) {
        this.state = newState;
    }

    /**
     * Starts one read of the outgoing session's receiver-report mark (at most one in flight).
     *
     * @return when the target last sent a new receiver report (or when the leg started)
     */
    Instant pollTargetFeedback(Clock clock) {
        if (statsPending.compareAndSet(false, true)) {
            bridge.targetStats().whenComplete((stats, error) -> {
                if (stats != null && stats.rtcpReportsReceived() != targetReports) {
                    targetReports = stats.rtcpReportsReceived();
                    feedbackChangedAt = clock.instant();
                }
                statsPending.set(false);
            });
        }
        return feedbackChangedAt;
    }

    CascadeLink view() {
        BridgeSnapshot b = bridge.snapshot();
        String shown = "LIVE".equals(b.state()) ? state.name() : b.state();
        return new CascadeLink(pull ? CascadeLink.PULL : CascadeLink.PUSH, url, pull ? node : null, shown,
                b.bitrateBps(), b.lastPacketAgeMs(), b.attachments());
    }
}
