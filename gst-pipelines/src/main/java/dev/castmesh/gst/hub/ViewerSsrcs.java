package dev.castmesh.gst.hub;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The media SSRC of each section of one viewer's answer: known at once (a re-payloader's, or the publisher's from
 * its offer or first packet) or when the publisher's pad appears.
 */
final class ViewerSsrcs {
    private final Map<Integer, CompletableFuture<Long>> media = new ConcurrentHashMap<>();

    void add(int mline, CompletableFuture<Long> ssrc) {
        media.put(mline, ssrc);
    }

    /** The SSRC of a section if it is known now (webrtcbin can then pair an RTX SSRC with it in the answer). */
    OptionalLong now(int mline) {
        CompletableFuture<Long> f = media.get(mline);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? OptionalLong.of(f.join()) : OptionalLong.empty();
    }

    /**
     * The SSRCs to declare once every one is known or {@code wait} has passed; sections still unknown then are left
     * out and reported to {@code unknown} (m-line index).
     */
    CompletableFuture<Map<Integer, Long>> settled(Duration wait, IntConsumer unknown) {
        return CompletableFuture.allOf(media.values().toArray(new CompletableFuture[0]))
                .exceptionally(e -> null)
                .completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(v -> {
                    Map<Integer, Long> known = new TreeMap<>();
                    media.keySet().forEach(mline -> now(mline).ifPresentOrElse(s -> known.put(mline, s),
                            () -> unknown.accept(mline)));
                    return known;
                });
    }
}
