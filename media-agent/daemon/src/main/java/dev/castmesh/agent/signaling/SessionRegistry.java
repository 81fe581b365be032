package dev.castmesh.agent.signaling;

import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import dev.castmesh.gst.hub.ViewerSnapshot;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sessions the HTTP layer has answered, keyed by stream and session id. One lock; entries whose session
 * the engine no longer has (ended, reaped, stream gone) are dropped on the next registration.
 */
@Singleton
final class SessionRegistry {
    private final Map<String, SessionRecord> sessions = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final MediaEngine engine;

    SessionRegistry(MediaEngine engine) {
        this.engine = engine;
    }

    SessionRecord register(String stream, String sessionId, SessionRecord.Role role, String offer) {
        byte[] tag = new byte[12];
        random.nextBytes(tag);
        String etag = "\"" + java.util.HexFormat.of().formatHex(tag) + "\"";
        SessionRecord record = new SessionRecord(stream, sessionId, role, etag, IceCredentials.of(offer));
        synchronized (sessions) {
            prune();
            sessions.put(key(stream, sessionId), record);
        }
        return record;
    }

    Optional<SessionRecord> find(String stream, String sessionId) {
        synchronized (sessions) {
            return Optional.ofNullable(sessions.get(key(stream, sessionId)));
        }
    }

    void remove(String stream, String sessionId) {
        synchronized (sessions) {
            sessions.remove(key(stream, sessionId));
        }
    }

    int size() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    private void prune() {
        Set<String> live = new HashSet<>();
        for (StreamSnapshot s : engine.streams()) {
            if (s.publisher() != null) {
                live.add(key(s.stream(), s.publisher().sessionId()));
            }
            for (ViewerSnapshot v : s.viewers()) {
                live.add(key(s.stream(), v.sessionId()));
            }
        }
        sessions.keySet().retainAll(live);
    }

    private static String key(String stream, String sessionId) {
        return stream + "\n" + sessionId;
    }
}
