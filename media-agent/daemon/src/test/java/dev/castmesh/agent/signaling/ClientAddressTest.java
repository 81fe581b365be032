package dev.castmesh.agent.signaling;

import dev.castmesh.api.auth.Grant;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may name the client of an offer (the pending-viewer budget's key). */
class ClientAddressTest {
    private static final MutableHttpRequest<?> FORWARDED = HttpRequest.POST("/whep/cam", "")
            .header("X-Forwarded-For", "203.0.113.7, 10.0.0.1");

    private static String peer() {
        return ClientAddress.of(HttpRequest.POST("/whep/cam", ""), null, false);
    }

    @Test
    void onlyACallerWithEveryRightOrAnOpenAgentIsBelieved() {
        assertEquals("203.0.113.7", ClientAddress.of(FORWARDED, Grant.full(), false), "the control plane's agent token");
        assertEquals("203.0.113.7", ClientAddress.of(FORWARDED, null, true), "an open agent");
        assertEquals(peer(), ClientAddress.of(FORWARDED, new Grant("cam", 7), false), "every right, but on one stream");
        assertEquals(peer(), ClientAddress.of(FORWARDED, new Grant("*", 4), false), "a viewer's token for every stream");
        assertEquals(peer(), ClientAddress.of(FORWARDED, null, false), "no token");
    }
}
