package dev.castmesh.gst.client;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.runtime.OwnedPipeline;
import dev.castmesh.gst.runtime.SerialExecutor;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.webrtc.WebRTCPeerConnectionState;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The part WHIP and WHEP clients share: pipeline, offerer endpoint, signalling and shutdown. */
final class ClientSession {
    private final SerialExecutor exec = new SerialExecutor("client", ClientRuntime.pool());
    private final CountDownLatch eos = new CountDownLatch(1);
    private final SdpExchange exchange;
    private final Duration timeout;
    private OwnedPipeline pipeline;
    private WebRtcEndpoint endpoint;
    private volatile String error;
    private boolean closed;

    ClientSession(SdpExchange exchange, Duration timeout) {
        this.exchange = exchange;
        this.timeout = timeout;
    }

    SerialExecutor executor() {
        return exec;
    }

    /** Bus error handler: remembers the first error (never blocks). */
    void onError(String message) {
        if (error == null) {
            error = message;
        }
    }

    void onEos() {
        eos.countDown();
    }

    void attach(OwnedPipeline owned, WebRtcEndpoint webrtc) {
        this.pipeline = owned;
        this.endpoint = webrtc;
    }

    OwnedPipeline pipeline() {
        return pipeline;
    }

    WebRtcEndpoint endpoint() {
        return endpoint;
    }

    /** Offer (after ICE gathering) → server → answer applied. @return the answer */
    String negotiate() throws IOException, InterruptedException {
        String offer = await(endpoint.offer(timeout));
        String answer = exchange.exchange(offer);
        await(endpoint.applyAnswer(answer));
        return answer;
    }

    String state() {
        return endpoint.connectionState().name();
    }

    boolean awaitConnected(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            WebRTCPeerConnectionState s = endpoint.connectionState();
            if (s == WebRTCPeerConnectionState.CONNECTED) {
                return true;
            }
            if (s == WebRTCPeerConnectionState.FAILED || error != null) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }

    boolean ended() {
        return eos.getCount() == 0 || error != null;
    }

    WebRtcStats stats() {
        try {
            return endpoint.stats().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebRtcStats.EMPTY;
        } catch (ExecutionException | TimeoutException e) {
            return WebRtcStats.EMPTY;
        }
    }

    /** DELETE the remote session, stop the pipeline. Idempotent. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Elements.guard("terminate session", exchange::terminate);
        if (endpoint != null) {
            endpoint.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private <T> T await(CompletableFuture<T> future) throws IOException, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("WebRTC negotiation timed out after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("WebRTC negotiation failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
