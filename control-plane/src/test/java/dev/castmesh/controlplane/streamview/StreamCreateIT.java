package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liveman's {@code POST /api/streams/{id}} (create a stream ahead of its publisher) and {@code DELETE /api/streams/{id}}
 * through the real control plane (SQLite) with {@link FakeAgent}s that keep reservations like our agent does.
 */
class StreamCreateIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestControlPlane app;
    private final List<FakeAgent> agents = new ArrayList<>();

    @BeforeEach
    void setUp() {
        app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        app.reset();
    }

    @AfterEach
    void tearDown() {
        agents.forEach(FakeAgent::close);
    }

    private FakeAgent agent(String alias, double cpu, StreamSnapshot... streams) throws Exception {
        FakeAgent agent = new FakeAgent(alias, "tok-" + alias);
        agents.add(agent);
        beat(alias, agent, cpu, streams);
        return agent;
    }

    private void beat(String alias, FakeAgent agent, double cpu, StreamSnapshot... streams) throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "eu", new NodeCapacity(100, 10), new NodeLoad(cpu, 0, 0, 0),
                List.of(streams), "tok-" + alias, false, agent.grantKey());
        Reply reply = app.heartbeat(alias, JSON.writeValueAsString(beat));
        assertEquals(2, reply.status() / 100, reply.body());
    }

    private Reply post(String path) {
        return Reply.send(app.client(), HttpRequest.POST(path, ""));
    }

    @Test
    void createReservesOnTheChosenNodeAndAPublishFollowsIt() throws Exception {
        FakeAgent a = agent("a", 0.1);
        FakeAgent b = agent("b", 0.9);
        Reply created = post("/api/streams/cam?nodes=b");
        assertEquals(204, created.status(), created.body());
        assertEquals("POST /api/streams/cam | Bearer tok-b | null | null | ", b.requests().get(b.requests().size() - 1));
        assertTrue(a.requests().isEmpty(), "only the named node is asked");

        // Its next heartbeat reports the reservation: a second create is refused, a publish goes to b (busier than a).
        beat("b", b, 0.9, StreamSnapshot.reservation("cam"));
        Reply again = post("/api/streams/cam");
        assertEquals(409, again.status());
        assertEquals("{\"error\":\"stream_already_exists\",\"message\":\"stream 'cam' already exists on node 'b'\"}", again.body());
        HttpResponse<String> whip = app.client().toBlocking().exchange(HttpRequest.POST("/whip/cam", "v=0")
                .contentType("application/sdp"), String.class);
        assertEquals(201, whip.code());
        assertTrue(whip.header("Location").startsWith("/session/cam/b."), whip.header("Location"));
    }

    @Test
    void withoutANamedNodeTheLeastLoadedIsChosenAndTheAgentsRefusalIsPassedOn() throws Exception {
        FakeAgent a = agent("a", 0.1);
        agent("b", 0.9);
        assertEquals(204, post("/api/streams/cam").status());
        assertEquals("POST /api/streams/cam | Bearer tok-a | null | null | ", a.requests().get(a.requests().size() - 1));
        // The heartbeat is not in yet: the agent itself refuses the second one.
        Reply again = post("/api/streams/cam");
        assertEquals(409, again.status());
        assertEquals("{\"error\":\"stream_already_exists\",\"message\":\"stream 'cam' already exists on this agent\"}", again.body());
    }

    @Test
    void badRequestsGetTheRightCode() throws Exception {
        assertEquals(503, post("/api/streams/cam").status(), "no node online");
        agent("a", 0.1, new StreamSnapshot("live", true, null, 0, 0, 0));
        assertEquals(409, post("/api/streams/live").status(), "published counts as existing");
        Reply badName = post("/api/streams/bad%20name");
        assertEquals(400, badName.status());
        assertTrue(badName.body().startsWith("{\"error\":\"bad_request\""), badName.body());
        assertEquals(400, post("/api/streams/cam?nodes=bad%20alias").status());
        Reply unknown = post("/api/streams/cam?nodes=nope");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("node_not_found"), unknown.body());
    }

    @Test
    void deleteIsLivemansNoContentAlsoWhenNoNodeHasTheStream() throws Exception {
        FakeAgent a = agent("a", 0.1, StreamSnapshot.reservation("cam"));
        Reply deleted = Reply.send(app.client(), HttpRequest.DELETE("/api/streams/cam"));
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals("DELETE /api/streams/cam | Bearer tok-a | null | null | ", a.requests().get(a.requests().size() - 1));
        assertEquals(204, Reply.send(app.client(), HttpRequest.DELETE("/api/streams/nobody-has-it")).status());
    }
}
