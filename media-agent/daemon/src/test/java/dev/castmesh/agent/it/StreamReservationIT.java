package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's {@code POST /api/streams/{stream}} (Liveman's create): reserve, list, publish into it, release. */
class StreamReservationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestAgent agent;

    private HttpResponse<String> call(String method, String path) throws Exception {
        return agent.send(agent.request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aReservedStreamIsListedTakesItsPublisherAndIsReleasedByDelete() throws Exception {
        try (TestAgent started = TestAgent.start("")) {
            agent = started;
            reserveListPublishRelease();
        }
    }

    private void reserveListPublishRelease() throws Exception {
        assertEquals(204, call("POST", "/api/streams/reserved-1").statusCode());
        HttpResponse<String> again = call("POST", "/api/streams/reserved-1");
        assertEquals(409, again.statusCode());
        assertEquals("{\"error\":\"stream_already_exists\",\"message\":\"stream 'reserved-1' already exists on this agent\"}",
                again.body());
        JsonNode one = JSON.readTree(call("GET", "/api/streams/reserved-1").body());
        assertEquals("reserved-1", one.get("stream").asText());
        assertTrue(one.path("publisher").isNull() || one.path("publisher").isMissingNode(), one.toString());
        assertEquals(0, one.path("viewers").size(), "no viewers (an empty list is left out)");
        assertTrue(call("GET", "/api/streams").body().contains("\"stream\":\"reserved-1\""));

        try (WhipClient publisher = agent.publish("reserved-1")) {
            JsonNode live = JSON.readTree(call("GET", "/api/streams/reserved-1").body());
            assertTrue(live.get("publisher").isObject(), live.toString());
            assertEquals(1, JSON.readTree(call("GET", "/api/streams").body()).size(), "one entry, not the reservation beside it");
            assertEquals(409, call("POST", "/api/streams/reserved-1").statusCode(), "published counts as existing");
        }
        assertEquals(204, call("DELETE", "/api/streams/reserved-1").statusCode());
        assertEquals(404, call("GET", "/api/streams/reserved-1").statusCode());
        assertEquals(400, call("POST", "/api/streams/bad%20name").statusCode());
    }
}
