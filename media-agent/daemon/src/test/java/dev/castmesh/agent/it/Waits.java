package dev.castmesh.agent.it;

import dev.castmesh.gst.client.WhepClient;

import java.time.Duration;
import java.util.function.BooleanSupplier;

final class Waits {
    private Waits() {
    }

    static void until(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Frames the viewer decodes during {@code window}, counted after its first decoded frame. */
    static long framesDuring(WhepClient viewer, Duration window) throws InterruptedException {
        until(() -> viewer.videoFrames() > 0, Duration.ofSeconds(10), "the first decoded frame");
        long before = viewer.videoFrames();
        Thread.sleep(window.toMillis());
        return viewer.videoFrames() - before;
    }
}
