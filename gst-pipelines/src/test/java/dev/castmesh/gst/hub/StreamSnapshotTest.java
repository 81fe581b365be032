package dev.castmesh.gst.hub;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamSnapshotTest {
    private static ViewerSnapshot session(String id, SessionRole role, SessionState state) {
        return new ViewerSnapshot(id, role, state, List.of("VP8/90000 pt=96"), 0, 0);
    }

    private static StreamSnapshot stream(ViewerSnapshot... sessions) {
        return new StreamSnapshot("cam", null, List.of(sessions), List.of(), Instant.EPOCH);
    }

    @Test
    void onlyActiveSessionsInTheViewerRoleAreViewers() {
        StreamSnapshot s = stream(session("a", SessionRole.VIEWER, SessionState.CONNECTED),
                session("b", SessionRole.VIEWER, SessionState.NEGOTIATING),
                session("c", SessionRole.VIEWER, SessionState.FAILED),
                session("d", SessionRole.CASCADE_PULL, SessionState.CONNECTED),
                session("e", SessionRole.CASCADE_PUSH, SessionState.CONNECTED));
        assertEquals(2, s.viewerCount());
    }

    @Test
    void viewersAndPullsKeepAStreamInUsePushesDoNot() {
        assertTrue(stream(session("a", SessionRole.VIEWER, SessionState.CONNECTING)).inUse());
        assertTrue(stream(session("d", SessionRole.CASCADE_PULL, SessionState.CONNECTED)).inUse());
        assertFalse(stream(session("e", SessionRole.CASCADE_PUSH, SessionState.CONNECTED)).inUse());
        assertFalse(stream(session("c", SessionRole.VIEWER, SessionState.CLOSED)).inUse());
        assertFalse(stream().inUse());
    }
}
