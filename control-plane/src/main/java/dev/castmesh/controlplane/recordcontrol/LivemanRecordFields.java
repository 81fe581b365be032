package dev.castmesh.controlplane.recordcontrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Optional;

/**
 * Liveman's fields beside the agent's recording state in a 2xx answer of {@code /api/record/{stream}}: {@code mpd_path}
 * (the agent's {@code manifest_path}, "" while it has none) on every method, {@code started: true} on a POST,
 * {@code stopped: true} on a DELETE. Only an answer that is the agent's recording state (a JSON object with a boolean
 * {@code recording}) is touched; anything else comes back as the agent sent it. Pure.
 */
final class LivemanRecordFields {
    private LivemanRecordFields() {
    }

    /** The body with Liveman's fields added, or empty to answer the agent's body unchanged. */
    static Optional<byte[]> add(String method, int status, byte[] body, ObjectMapper mapper) {
        if (status < 200 || status >= 300 || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (!(json instanceof ObjectNode state) || !state.path("recording").isBoolean()) {
                return Optional.empty();
            }
            JsonNode manifest = state.get("manifest_path");
            state.put("mpd_path", manifest != null && manifest.isTextual() ? manifest.asText() : "");
            switch (method) {
                case "POST" -> state.put("started", true);
                case "DELETE" -> state.put("stopped", true);
                default -> { }
            }
            return Optional.of(mapper.writeValueAsBytes(state));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
