package dev.castmesh.agent.registration;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.gst.hub.PublisherSnapshot;
import dev.castmesh.gst.hub.SessionRole;
import dev.castmesh.gst.hub.SessionState;
import dev.castmesh.gst.hub.ViewerSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatPayloadTest {
    private static final NodeCapacity CAPACITY = new NodeCapacity(500, 200, null);

    private static dev.castmesh.gst.hub.StreamSnapshot stream(String name, Long publisherBps, long... viewerBps) {
        return stream(name, publisherBps, SessionRole.VIEWER, viewerBps);
    }

    private static dev.castmesh.gst.hub.StreamSnapshot stream(String name, Long publisherBps, SessionRole secondRole,
                                                              long... viewerBps) {
        PublisherSnapshot p = publisherBps == null ? null
                : new PublisherSnapshot("p-" + name, SessionState.CONNECTED, List.of("VP8/90000"), 1000, publisherBps);
        List<ViewerSnapshot> viewers = new java.util.ArrayList<>();
        for (int i = 0; i < viewerBps.length; i++) {
            viewers.add(new ViewerSnapshot("v" + i, i == 1 ? secondRole : SessionRole.VIEWER, SessionState.CONNECTED,
                    List.of("VP8/90000 pt=96"), 10, viewerBps[i]));
        }
        return new dev.castmesh.gst.hub.StreamSnapshot(name, p, viewers, List.of(), Instant.EPOCH);
    }

    @Test
    void sumsBitratesAndSessions() {
        NodeHeartbeat beat = HeartbeatPayload.of("http://10.0.0.5:7777", "eu", CAPACITY,
                List.of(stream("cam", 1_000_000L, 1_000_000, 2_000_000), stream("orphan", null, 500)), 0.25, "tok");
        assertEquals(new NodeLoad(0.25, 1_000_000, 3_000_500, 4), beat.load());
        assertEquals(List.of(new StreamSnapshot("cam", true, null, 2, 1_000_000, 3_000_000),
                new StreamSnapshot("orphan", false, null, 1, 0, 500)), beat.streams());
        assertEquals("eu", beat.region());
        assertEquals(CAPACITY, beat.capacity());
        assertEquals("tok", beat.agentToken());
    }

    @Test
    void copiesAreNotPublishersAndCascadeLegsAreNotViewers() {
        for (SessionRole leg : List.of(SessionRole.CASCADE_PUSH, SessionRole.CASCADE_PULL)) {
            dev.castmesh.gst.hub.StreamSnapshot plain = stream("cam", 1_000L, leg, 10, 20);
            dev.castmesh.gst.hub.StreamSnapshot copy = new dev.castmesh.gst.hub.StreamSnapshot("cam", plain.publisher(),
                    plain.viewers(), List.of(), Instant.EPOCH, "agent-a");
            NodeHeartbeat beat = HeartbeatPayload.of("http://a:1", "", CAPACITY, List.of(copy), 0, null,
                    true, stream -> false, java.util.Set.of(), null);
            assertEquals(List.of(new StreamSnapshot("cam", false, "agent-a", 1, 1_000, 30)), beat.streams(), leg.name());
            assertTrue(beat.autopush());
        }
    }

    @Test
    void endedViewersAreNotCounted() {
        dev.castmesh.gst.hub.StreamSnapshot s = stream("cam", 1_000L, 10);
        List<ViewerSnapshot> viewers = new java.util.ArrayList<>(s.viewers());
        viewers.add(new ViewerSnapshot("gone", SessionRole.VIEWER, SessionState.FAILED, List.of(), 0, 0));
        viewers.add(new ViewerSnapshot("joining", SessionRole.VIEWER, SessionState.CONNECTING, List.of(), 0, 0));
        NodeHeartbeat beat = HeartbeatPayload.of("http://a:1", "", CAPACITY, List.of(
                new dev.castmesh.gst.hub.StreamSnapshot("cam", s.publisher(), viewers, List.of(), Instant.EPOCH)), 0, null);
        assertEquals(2, beat.streams().get(0).viewers(), "the connected viewer and the one still connecting");
    }

    @Test
    void recordedStreamsAreFlagged() throws Exception {
        NodeHeartbeat beat = HeartbeatPayload.of("http://a:1", "", CAPACITY,
                List.of(stream("cam", 1_000L), stream("other", 1_000L)), 0, null, false,
                "cam"::equals, java.util.Set.of(), null);
        assertEquals(List.of(new StreamSnapshot("cam", true, null, 0, 1_000, 0, true, false),
                new StreamSnapshot("other", true, null, 0, 1_000, 0, false, false)), beat.streams());
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(beat));
        assertTrue(json.at("/streams/0/recording").asBoolean());
        assertTrue(json.at("/streams/1/recording").isBoolean() && !json.at("/streams/1/recording").asBoolean());
    }

    @Test
    void reservedStreamsAreFlaggedAndReportedWithoutPublisherToo() throws Exception {
        NodeHeartbeat beat = HeartbeatPayload.of("http://a:1", "", CAPACITY, List.of(stream("cam", 1_000L)), 0, null,
                false, stream -> false, java.util.Set.of("waiting", "cam"), null);
        assertEquals(List.of(new StreamSnapshot("cam", true, null, 0, 1_000, 0, false, true),
                StreamSnapshot.reservation("waiting")), beat.streams());
        assertEquals(1, beat.load().sessions(), "a reservation is no session");
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(beat));
        assertTrue(json.at("/streams/1/reserved").asBoolean());
        assertTrue(!json.at("/streams/1/publisher").asBoolean() && json.at("/streams/1/cascadeFrom").isNull());
    }

    @Test
    void idleAgentAndUnknownCpu() {
        NodeHeartbeat beat = HeartbeatPayload.of("http://a:1", "", CAPACITY, List.of(), -1, null);
        assertEquals(new NodeLoad(0, 0, 0, 0), beat.load());
        assertEquals(List.of(), beat.streams());
        assertEquals(0.0, HeartbeatPayload.of("http://a:1", "", CAPACITY, List.of(), Double.NaN, null).load().cpuRatio());
        assertEquals(1.0, HeartbeatPayload.of("http://a:1", "", CAPACITY, List.of(), 1.7, null).load().cpuRatio());
    }

    @Test
    void jsonHasTheFieldNamesTheControlPlaneExpects() throws Exception {
        NodeHeartbeat beat = HeartbeatPayload.of("http://10.0.0.5:7777", "eu", CAPACITY,
                List.of(stream("cam", 1_000_000L, 3_000_000)), 0.25, null);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(beat));
        assertEquals("http://10.0.0.5:7777", json.get("publicUrl").asText());
        assertEquals(500, json.at("/capacity/maxViewers").asInt());
        assertEquals(200, json.at("/capacity/eachStreamMaxSub").asInt());
        assertEquals(0.25, json.at("/load/cpuRatio").asDouble());
        assertEquals(2, json.at("/load/sessions").asInt());
        assertEquals("cam", json.at("/streams/0/stream").asText());
        assertTrue(json.at("/streams/0/publisher").asBoolean());
        assertTrue(json.at("/streams/0/cascadeFrom").isNull());
        assertEquals(3_000_000, json.at("/streams/0/bitrateOutBps").asLong());
        assertTrue(json.has("agentToken") && json.get("agentToken").isNull());
        assertTrue(!json.at("/streams/0").has("carried"));
    }
}
