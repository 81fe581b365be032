package dev.castmesh.controlplane.playbackproxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.controlplane.testing.TestControlPlane;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

/** A real control plane with auth on and a given {@code [recorder.storage]}/{@code [playback]}, and ways to call it. */
final class PlaybackProxyHarness implements AutoCloseable {
    static final String ADMIN = "admin-token-for-playback-tests";
    static final String SECRET = "playback-proxy-test-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    final TestControlPlane app;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    PlaybackProxyHarness(String recordingSections) {
        String toml = "[http]\nlisten = \"127.0.0.1:0\"\n"
                + "[database]\nurl = \"" + TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE) + "\"\n"
                + "[auth]\nsecret = \"" + SECRET + "\"\ntokens = [\"" + ADMIN + "\"]\n"
                + recordingSections;
        app = TestControlPlane.start(new ControlPlaneConfigLoader(Map.of()).parse(toml));
    }

    String base() {
        String url = app.url().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A JWT minted by the control plane itself ({@code POST /api/token}). */
    String token(String id, int mode) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/api/token"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"mode\":" + mode + ",\"duration\":600}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        try {
            return JSON.readTree(response.body()).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JWT signed with the control plane's key that expired a minute ago. */
    static String expiredToken(String id, int mode) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().claim("id", id)
                .claim("mode", mode).expirationTime(new Date(System.currentTimeMillis() - 60_000)).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** A request to a raw (pre-encoded) path under the proxy, with a bearer token (null: none). */
    HttpRequest.Builder object(String rawPath, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/record/object/" + rawPath));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(HttpRequest.Builder request) {
        return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        app.close();
    }
}
