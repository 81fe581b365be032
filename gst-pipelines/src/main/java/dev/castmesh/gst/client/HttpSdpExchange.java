package dev.castmesh.gst.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WHIP/WHEP signalling over HTTP: POST the offer as {@code application/sdp} (optionally with a bearer
 * token), expect 201 with the answer and a {@code Location}, DELETE that location on terminate.
 * The token is sent only in the Authorization header and never logged.
 */
public final class HttpSdpExchange implements SdpExchange {
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * One client for every exchange of the process: each {@link HttpClient} keeps a selector thread until it is
     * garbage-collected, and a client per session left hundreds of them behind under load (LeakIT).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final URI endpoint;
    private final Optional<String> token;
    private final Duration timeout;
    private volatile URI session;

    public HttpSdpExchange(URI endpoint, Optional<String> token, Duration timeout) {
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
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new HttpStatusException(response.statusCode(), serverMessage(response.body()));
        }
        session = response.headers().firstValue("Location").map(endpoint::resolve).orElse(null);
        return response.body();
    }

    /** The session resource from the answer's {@code Location}, if the server sent one. */
    public Optional<URI> session() {
        return Optional.ofNullable(session);
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
            // best effort: the server reaps the session when it goes silent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The {@code message} field of a JSON error body, else the body itself (shortened). */
    static String serverMessage(String body) {
        if (body == null) {
            return "";
        }
        Matcher m = MESSAGE.matcher(body);
        if (m.find()) {
            return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        String plain = body.strip();
        return plain.length() > 200 ? plain.substring(0, 200) + "..." : plain;
    }
}
