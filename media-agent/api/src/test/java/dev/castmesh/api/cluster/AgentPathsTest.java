package dev.castmesh.api.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentPathsTest {
    @Test
    void buildsAgentPaths() {
        assertEquals("/whip/cam-1", AgentPaths.whip("cam-1"));
        assertEquals("/whep/cam-1", AgentPaths.whep("cam-1"));
        assertEquals("/session/cam-1/AbC_-9", AgentPaths.session("cam-1", "AbC_-9"));
        assertEquals("/api/streams", AgentPaths.streams());
        assertEquals("/api/streams/cam.1~x", AgentPaths.stream("cam.1~x"));
        assertEquals("/api/cascade/s", AgentPaths.cascade("s"));
        assertEquals("/api/record/s", AgentPaths.record("s"));
        assertEquals("/api/nodes/agent-1/heartbeat", AgentPaths.heartbeat("agent-1"));
    }

    @Test
    void encodesEveryReservedOrNonAsciiCharacter() {
        assertEquals("a%3Ab%40c%2Bd", AgentPaths.segment("a:b@c+d"));
        assertEquals("%C3%A9t%C3%A9", AgentPaths.segment("été"));
        assertEquals("a%2Fb%20c%25", AgentPaths.segment("a/b c%"));
    }

    @Test
    void aliasRule() {
        assertTrue(NodeAlias.isValid("agent-1"));
        assertTrue(NodeAlias.isValid("A_b-9"));
        assertTrue(NodeAlias.isValid("a".repeat(64)));
        assertFalse(NodeAlias.isValid("a".repeat(65)));
        assertFalse(NodeAlias.isValid(""));
        assertFalse(NodeAlias.isValid(null));
        assertFalse(NodeAlias.isValid("a.b"));
        assertFalse(NodeAlias.isValid("a/b"));
        assertFalse(NodeAlias.isValid("é"));
        assertThrows(IllegalArgumentException.class, () -> NodeAlias.validate("a b"));
    }

    @Test
    void heartbeatNeverPrintsItsToken() {
        NodeHeartbeat beat = new NodeHeartbeat("http://h:7777", null, new NodeCapacity(1, 1, null),
                new NodeLoad(0, 0, 0, 0), null, "tok-secret-value");
        assertFalse(beat.toString().contains("tok-secret-value"));
        assertEquals("", beat.region());
        assertEquals(0, beat.streams().size());
        assertFalse(new NodeRequest("a", "s3cr3t-s3cr3t-s3cr3t", "r").toString().contains("s3cr3t"));
    }
}
