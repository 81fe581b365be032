package dev.castmesh.agent.signaling;

import dev.castmesh.agent.http.ApiException;
import dev.castmesh.api.auth.StreamIds;

/** Every stream name the agent accepts passes the one rule of {@code media-agent/api} ({@link StreamIds}). */
public final class StreamNames {
    private StreamNames() {
    }

    public static String require(String stream) {
        if (!StreamIds.isValid(stream)) {
            throw ApiException.badRequest("invalid stream name: use 1 to " + StreamIds.MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ ~ - (not '.' or '..'; no '/', spaces or control characters)");
        }
        return stream;
    }
}
