package dev.castmesh.controlplane.cascade;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [cascade]} section.
 *
 * @param idleTimeout       a cascaded copy with no viewer for this long ends (default 60 s; 0 = never); sent to the
 *                          agent with each pull
 * @param mode              how overflow and on-demand cascades move media by default: {@code "pull"} (the target plays
 *                          the source over WHEP) or {@code "push"} (the source publishes to the target over WHIP)
 * @param reconcileInterval how often the reconciler runs autopush and re-attach (default 2 s, one agent heartbeat;
 *                          0 = never)
 * @param pull              {@code [[cascade.pull]]} rules, tried in order
 */
public record CascadeConfig(Duration idleTimeout, CascadeMode mode, Duration reconcileInterval, List<PullRule> pull) {

    public CascadeConfig {
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        mode = mode == null ? CascadeMode.PULL : mode;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(2) : reconcileInterval;
        pull = pull == null ? List.of() : List.copyOf(pull);
        if (idleTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idle_timeout: too large");
        }
        if (!reconcileInterval.isZero() && reconcileInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("reconcile_interval: must be 0 (off) or at least 0.1 second");
        }
        for (int i = 0; i < pull.size(); i++) {
            if (pull.get(i) == null) {
                throw new IllegalArgumentException("pull: entry " + i + " is empty");
            }
        }
    }

    public static CascadeConfig defaults() {
        return new CascadeConfig(null, null, null, null);
    }

    /** The first rule that matches {@code stream} entirely. */
    public Optional<PullSource> pullSource(String stream) {
        for (PullRule rule : pull) {
            Optional<PullSource> source = rule.apply(stream);
            if (source.isPresent()) {
                return source;
            }
        }
        return Optional.empty();
    }

    /** The agent contract's {@code idleTimeout} (whole seconds). */
    public int idleTimeoutSeconds() {
        return (int) idleTimeout.toSeconds();
    }
}
