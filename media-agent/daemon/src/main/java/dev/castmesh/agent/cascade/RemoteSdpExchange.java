package dev.castmesh.agent.cascade;

import dev.castmesh.gst.client.HttpStatusException;
import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.server.http.BoundedExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * WHIP/WHEP signalling with another node for a cascade leg: POST the offer, expect 200/201 with an answer of at most
 * {@value #MAX_ANSWER_BYTES} bytes within the timeout (headers and body together) and a {@code Location} on the
 * same origin, DELETE it on terminate. Unlike the
 * command-line client it follows no redirect (a 3xx is a refusal), and it
 * never quotes what the remote side answered: a failure says only its status, so this agent's API cannot be used to
 * read other hosts. The token goes only into the Authorization header.
 */
final class RemoteSdpExchange implements SdpExchange {
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** Shared by every leg: a client per exchange keeps a selector thread alive until it is garbage-collected. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI endpoint;
    private final Optional<String> token;
    private final Duration timeout;
    private volatile URI session;

    RemoteSdpExchange(URI endpoint, Optional<String> token, Duration timeout) {
        this.endpoint = endpoint;
        this.token = token.filter(t -> !t.isBlank());
        this.timeout = timeout;
    }

    @Override
    public String exchange(String offerSdp) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/sdp").header("Accept", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(offerSdp));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<byte[]> response = BoundedExchange.send(HTTP, request.build(), MAX_ANSWER_BYTES, timeout);
        int status = response.statusCode();
        if (status != 201 && status != 200) {
            throw new HttpStatusException(status, "");
        }
        session = response.headers().firstValue("Location").map(endpoint::resolve)
                .filter(location -> sameOrigin(location, endpoint)).orElse(null);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void terminate() {
        URI target = session;
        session = null;
        if (target == null) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout).DELETE();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // best effort: the remote node reaps the session when it goes silent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return dev.castmesh.api.cluster.Origin.of(a).equals(dev.castmesh.api.cluster.Origin.of(b));
    }
}
