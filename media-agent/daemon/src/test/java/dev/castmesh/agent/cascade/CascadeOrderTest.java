package dev.castmesh.agent.cascade;

import dev.castmesh.agent.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CascadeOrderTest {

    @Test
    void pullWithEveryField() {
        CascadeOrder order = CascadeOrder.parse("{\"sourceUrl\":\"http://u:p@10.0.0.5:7777/whep/cam?x=1\",\"token\":\"sekrit\","
                + "\"sourceNode\":\"agent-a\",\"idleTimeout\":0}");
        assertTrue(order.pull());
        assertEquals("agent-a", order.node());
        assertEquals(Duration.ZERO, order.idleTimeout());
        assertEquals("http://10.0.0.5:7777/whep/cam", order.shownUrl(), "no user info, no query");
        assertFalse(order.toString().contains("sekrit"));
    }

    @Test
    void pullDefaults() {
        CascadeOrder order = CascadeOrder.parse("{\"sourceUrl\":\"https://edge.example.com/whep/cam\"}");
        assertEquals("edge.example.com", order.node(), "no sourceNode: the source's host[:port]");
        assertEquals(Duration.ofSeconds(60), order.idleTimeout());
        assertNull(order.token());
    }

    @Test
    void push() {
        CascadeOrder order = CascadeOrder.parse("{\"targetUrl\":\"http://10.0.0.6:7777/whip/cam?cascadeFrom=a\",\"token\":\"t\"}");
        assertFalse(order.pull());
        assertEquals("t", order.token());
        assertEquals("/whip/cam", order.url().getPath());
        assertEquals("cascadeFrom=a", order.url().getQuery(), "the query goes to the target");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "{|JSON",
            "{}|exactly one",
            "{\"sourceUrl\":\"http://a/x\",\"targetUrl\":\"http://b/y\"}|exactly one",
            "{\"sourceUrl\":\"/whep/x\"}|sourceUrl",
            "{\"targetUrl\":\"ws://b/whip/x\"}|targetUrl",
            "{\"sourceUrl\":\"http://a/x\",\"idleTimeout\":-5}|idleTimeout",
            "{\"sourceUrl\":\"http://a/x\",\"sourceNode\":\"a.b\"}|sourceNode",
            "{\"sourceUrl\":\"http://a/x\",\"bogus\":true}|bogus"})
    void mistakesAre400NamingTheField(String body, String named) {
        ApiException e = assertThrows(ApiException.class, () -> CascadeOrder.parse(body));
        assertEquals(400, e.status().getCode());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
