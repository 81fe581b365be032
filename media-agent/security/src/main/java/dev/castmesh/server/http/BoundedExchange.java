package dev.castmesh.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with another server, bounded: at most {@code maxBytes} of body (more fails with
 * {@link BodyTooLargeException} and the connection is given up) and one total deadline for headers and body
 * together ({@link HttpTimeoutException}). {@code HttpRequest.timeout} alone bounds only the wait for the headers, so
 * a peer that sends headers and then one byte every few seconds would hold the caller's thread forever.
 */
public final class BoundedExchange {
    private BoundedExchange() {
    }

    /** The body was longer than the cap. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(int max) {
            super("the answer is longer than " + max + " bytes");
        }
    }

    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, int maxBytes, Duration deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new Capped(maxBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes));
        try {
            return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "exchange failed" : cause.getClass().getSimpleName(), cause);
        }
    }

    /** Collects the body up to the cap; cancels the subscription past it, or at once when the declared length is. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final boolean declaredTooLong;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(int max, boolean declaredTooLong) {
            this.max = max;
            this.declaredTooLong = declaredTooLong;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            if (declaredTooLong) {
                value.cancel();
                result.completeExceptionally(new BodyTooLargeException(max));
            } else {
                value.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException(max));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
