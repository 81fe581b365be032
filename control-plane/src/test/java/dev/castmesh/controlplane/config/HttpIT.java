package dev.castmesh.controlplane.config;

import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code [http]} section on the real server. */
class HttpIT {

    @Test
    void listensOnTheChosenHostAndAnswersCorsPreflights() {
        TestControlPlane app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        assertEquals("127.0.0.1", app.url().getHost());
        HttpResponse<String> preflight = app.client().toBlocking().exchange(HttpRequest.OPTIONS("/api/playback")
                .header(HttpHeaders.ORIGIN, "https://player.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.GET.name()), String.class);
        assertEquals(200, preflight.code());
        assertEquals("https://player.example.com", preflight.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        Reply get = Reply.send(app.client(), HttpRequest.GET("/api/playback").header(HttpHeaders.ORIGIN, "https://player.example.com"));
        assertEquals(200, get.status());
    }
}
