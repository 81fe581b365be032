package dev.castmesh.controlplane.signaling;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** An agent's answer to a proxied call. */
public record AgentResponse(int status, HttpHeaders headers, byte[] body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
