package dev.castmesh.agent.it.loss;

import java.util.OptionalInt;

/**
 * What {@link PacketLoss} does to the marked UDP on arrival: drop {@code lossPercent} % of it at random, and drop
 * whatever exceeds {@code limitKbytesPerSecond} (kilobytes per second over all marked packets) if set.
 */
public record Impairment(int lossPercent, OptionalInt limitKbytesPerSecond) {
    public static final Impairment NONE = new Impairment(0, OptionalInt.empty());

    public Impairment {
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("loss percent must be in [0, 100], got " + lossPercent);
        }
        if (limitKbytesPerSecond.isPresent() && limitKbytesPerSecond.getAsInt() <= 0) {
            throw new IllegalArgumentException("bandwidth limit must be > 0 kbytes/s, got " + limitKbytesPerSecond.getAsInt());
        }
    }

    Impairment loss(int percent) {
        return new Impairment(percent, limitKbytesPerSecond);
    }

    Impairment limit(OptionalInt kbytesPerSecond) {
        return new Impairment(lossPercent, kbytesPerSecond);
    }
}
