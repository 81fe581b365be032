package dev.castmesh.agent.signaling;

import java.time.Duration;

/** Ends a cascade copy pushed here by another agent once it has been idle (implemented by the cascade manager). */
public interface PushedCopyWatch {
    /**
     * Ends the copy that the WHIP session {@code sessionId} publishes once it has had no viewer for
     * {@code idleTimeout}; forgotten when that session no longer feeds {@code stream}.
     */
    void watchPushedCopy(String stream, String sessionId, Duration idleTimeout);
}
