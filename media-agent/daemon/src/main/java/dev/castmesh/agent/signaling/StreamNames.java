package dev.castmesh.agent.signaling;

import dev.castmesh.agent.http.ApiException;
import dev.castmesh.api.StreamName;

/** Every stream name the agent accepts passes the one rule of {@code media-agent/api} ({@link StreamName}). */
public final class StreamNames {
    private StreamNames() {
    }

    public static String require(String stream) {
        try {
            StreamName.validate(stream);
            return stream;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid stream name: " + e.getMessage());
        }
    }
}
