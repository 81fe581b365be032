package dev.castmesh.controlplane.info;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.controlplane.testing.LivemanShape;
import dev.castmesh.controlplane.testing.Reply;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/info} through the real control plane, against Live777's {@code ServerInfo} (fixture {@code liveman/info.json}). */
class InfoIT {

    @Test
    void answersLive777sServerInfoWithWhatTheBuildWrote() {
        TestControlPlane app = TestControlPlane.shared(TestControlPlane.Db.SQLITE);
        Reply info = Reply.send(app.client(), HttpRequest.GET("/api/info"));
        assertEquals(200, info.status(), info.body());
        LivemanShape.of("info").check(info.body());
        JsonNode json = info.json();
        assertEquals(System.getProperty("castmesh.expected.version", "0.1.0-SNAPSHOT"), json.get("version").asText());
        assertTrue(json.get("buildTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), info.body());
        assertTrue(json.get("gitHash").asText().matches("[0-9a-f]{7,40}|unknown"), info.body());
        List<String> features = new ArrayList<>();
        json.get("features").forEach(feature -> features.add(feature.asText()));
        assertEquals(List.of("cascade", "recorder", "cluster", "relay", "sse"), features,
                "the test control plane has the default recordings storage, which opens");
    }
}
