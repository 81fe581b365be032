package dev.castmesh.controlplane.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.controlplane.testing.Beats;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.castmesh.controlplane.testing.TestControlPlane.CLUSTER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two control-plane instances on one PostgreSQL database share the registry: no state lives only in a process. */
class TwoInstancesIT {
    private static final String CAM = "[{\"stream\":\"cam\",\"publisher\":true,\"cascadeFrom\":null,\"viewers\":2,"
            + "\"bitrateInBps\":1,\"bitrateOutBps\":2}]";

    @Test
    void aHeartbeatToOneInstanceIsSeenThroughTheOther() {
        String url = TestControlPlane.freshUrl(TestControlPlane.Db.POSTGRES);
        try (TestControlPlane a = TestControlPlane.start(url, 4, Duration.ofSeconds(10));
             TestControlPlane b = TestControlPlane.start(url, 4, Duration.ofSeconds(10))) {
            assertEquals(201, a.heartbeat("agent-1", Beats.json("http://10.0.0.5:7777", "eu", CAM, "tok")).status());

            JsonNode seen = Reply.send(b.client(), HttpRequest.GET("/api/nodes")).json();
            assertEquals(1, seen.size());
            assertEquals("agent-1", seen.get(0).get("alias").asText());
            assertEquals(true, seen.get(0).get("online").asBoolean());
            assertEquals("cam", seen.get(0).get("streams").get(0).get("stream").asText());

            // A node created through B authenticates its heartbeats through A; a deletion through A is seen by B.
            assertEquals(201, Reply.send(b.client(), HttpRequest.POST("/api/nodes",
                    "{\"alias\":\"edge\",\"secret\":\"edge-secret-0123456789\"}")).status());
            assertEquals(200, Reply.send(a.client(), Beats.request("edge", "edge-secret-0123456789",
                    Beats.json("http://10.0.0.6:7777", "us", "[]", null))).status());
            assertEquals(true, Reply.send(b.client(), HttpRequest.GET("/api/nodes")).json().get(1).get("online").asBoolean());
            assertEquals(204, Reply.send(a.client(), HttpRequest.DELETE("/api/nodes/agent-1")).status());
            assertEquals(1, Reply.send(b.client(), HttpRequest.GET("/api/nodes")).json().size());

            // Liveness is computed by each instance against its own clock.
            b.clock.advance(Duration.ofSeconds(7));
            assertEquals(false, Reply.send(b.client(), HttpRequest.GET("/api/nodes")).json().get(0).get("online").asBoolean());
            assertEquals(true, Reply.send(a.client(), HttpRequest.GET("/api/nodes")).json().get(0).get("online").asBoolean());
        }
    }
}
