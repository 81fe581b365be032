package dev.castmesh.agent.signaling;

import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Viewer sessions of this agent that are another agent's cascade pull ({@code POST /whep/{stream}?cascadeTo={alias}}):
 * like pushes out, they are not viewers, so they take no seat under {@code [strategy]} limits and are not counted in
 * heartbeats (the control plane's room and load). They still keep a cascaded copy here in use (no idle teardown).
 */
@Singleton
public final class CascadeViewers {
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    void add(String sessionId) {
        sessions.add(sessionId);
    }

    /** Forgets ids that are no longer live sessions ({@code live} = every current viewer session id). */
    void retainAll(Set<String> live) {
        sessions.retainAll(live);
    }

    public boolean contains(String sessionId) {
        return sessions.contains(sessionId);
    }

    /** A snapshot of the ids. */
    public Set<String> ids() {
        return Set.copyOf(sessions);
    }
}
