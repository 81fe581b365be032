package dev.castmesh.controlplane.smoke;

import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class SmokeIT {
    @Test
    void smoke() {
        for (TestControlPlane.Db db : TestControlPlane.Db.values()) {
            TestControlPlane app = TestControlPlane.shared(db);
            var client = app.client().toBlocking();
            System.out.println(db + " PUT " + client.retrieve(HttpRequest.PUT("/api/recordings",
                    List.of(Map.of("stream", "cam1", "year", 2026, "month", 11, "day", 20, "mpd_path", "cam1/2026/11/20/x.mpd")))));
            System.out.println(db + " streams " + client.retrieve("/api/playback"));
            System.out.println(db + " page " + client.retrieve("/api/playback/cam1?from=2026-01-01"));
            for (String path : new String[]{"/api/playback/cam1?from=2026-02-30", "/nope", "/api/playback/a%2Fb", "/health", "/metrics", "/prometheus"}) {
                try {
                    String body = client.retrieve(path);
                    System.out.println(db + " " + path + " -> " + body.substring(0, Math.min(300, body.length())));
                } catch (HttpClientResponseException e) {
                    System.out.println(db + " " + path + " -> " + e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""));
                }
            }
        }
    }
}
