package dev.castmesh.controlplane.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fixture check itself: it must find what a wrong answer gets wrong, or the contract tests prove nothing. */
class LivemanShapeTest {
    private final LivemanShape nodes = LivemanShape.of("nodes", Set.of("[].strategy"),
            Map.of("status", Set.of("running", "stopped")));

    @Test
    void theFixtureConformsToItselfAndExtraFieldsAreAllowed() {
        assertEquals(List.of(), nodes.problems(nodes.fixture()));
        assertEquals(List.of(), nodes.problems("[{\"alias\":\"a\",\"url\":\"u\",\"status\":\"stopped\",\"duration\":\"-\","
                + "\"online\":false}]"), "strategy is optional, online is ours");
        assertEquals(List.of(), nodes.problems("[]"));
    }

    @Test
    void findsMissingFieldsWrongTypesAndEnumSpellings() {
        assertEquals(List.of("[].url: missing", "[].status: 'Running' is not one of [running, stopped]",
                        "[].duration: expected string, got integer"),
                nodes.problems("[{\"alias\":\"a\",\"status\":\"Running\",\"duration\":12}]"));
        assertEquals(List.of("[].strategy.each_stream_max_sub: expected integer, got number",
                        "[].strategy.auto_delete_whep: missing"),
                nodes.problems("[{\"alias\":\"a\",\"url\":\"u\",\"status\":\"running\",\"duration\":\"1ms\",\"strategy\":{"
                        + "\"each_stream_max_sub\":1.5,\"cascade_push_close_sub\":false,\"auto_create_whip\":true,"
                        + "\"auto_create_whep\":true,\"auto_delete_whip\":-1}}]"));
        assertEquals(List.of("(root): expected array, got object"), nodes.problems("{}"));
    }
}
