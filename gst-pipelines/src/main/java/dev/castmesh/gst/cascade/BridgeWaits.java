package dev.castmesh.gst.cascade;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** The bounded waits of a bridge's set-up, each failure turned into a {@link CascadeException} naming what it waited for. */
final class BridgeWaits {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeWaits.class);
    private static final long POLL_MS = 10;

    private final String name;
    private final Duration timeout;

    BridgeWaits(String name, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
    }

    <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CascadeException(CascadeException.Reason.TIMEOUT, "timed out after "
                    + timeout.toSeconds() + " s waiting for " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CascadeException(CascadeException.Reason.FAILED, "interrupted waiting for " + what);
        } catch (ExecutionException e) {
            LOG.debug("cascade {}: {} failed", name, what, e.getCause());
            throw new CascadeException(CascadeException.Reason.FAILED, "WebRTC negotiation failed at " + what);
        }
    }

    /**
     * Polls {@code done} until it holds; {@code failed} may throw to give up early.
     *
     * @param late what did not happen in time, e.g. "the source sent no video"
     */
    void until(BooleanSupplier done, Runnable failed, String late) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            failed.run();
            if (System.nanoTime() > deadline) {
                throw new CascadeException(CascadeException.Reason.TIMEOUT, late + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CascadeException(CascadeException.Reason.FAILED, "interrupted");
            }
        }
    }
}
