package dev.castmesh.controlplane.cascade;

import dev.castmesh.controlplane.http.ApiException;
import dev.castmesh.controlplane.node.NodeState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.castmesh.controlplane.cascade.Nodes.copy;
import static dev.castmesh.controlplane.cascade.Nodes.node;
import static dev.castmesh.controlplane.cascade.Nodes.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkChoiceTest {
    private final List<NodeState> nodes = List.of(node("origin", "hq", true, 0.9, published("cam")),
            node("b1", "b", true, 0.1, copy("cam", "origin")), node("b2", "b", true, 0.1),
            node("c1", "c", true, 0.1), node("off", "b", false, 0.1, copy("cam", "origin")));

    private String choose(String target, String source) {
        LinkChoice.Choice choice = LinkChoice.choose("cam", target, source, nodes);
        return choice.source().alias() + " -> " + choice.target().alias();
    }

    private String error(String stream, String target, String source) {
        ApiException e = assertThrows(ApiException.class, () -> LinkChoice.choose(stream, target, source, nodes));
        return e.status() + " " + e.code() + ": " + e.getMessage();
    }

    @Test
    void withoutSourceTheNearestCarrierOfTheTargetsRegionThenTheOrigin() {
        assertEquals("b1 -> b2", choose("b2", null));
        assertEquals("origin -> c1", choose("c1", null));
        assertEquals("origin -> b2", choose("b2", "origin"));
    }

    @Test
    void aNodeThatJustGotACopyIsACarrierBeforeItsHeartbeatShowsIt() {
        LinkChoice.Choice choice = LinkChoice.choose("cam", "c1", "b2", nodes, node -> node.alias().equals("b2"));
        assertEquals("b2 -> c1", choice.source().alias() + " -> " + choice.target().alias());
        assertEquals("404 stream_not_found: node 'b2' does not carry stream 'cam'", error("cam", "c1", "b2"));
        ApiException offline = assertThrows(ApiException.class,
                () -> LinkChoice.choose("cam", "c1", "off", nodes, node -> node.alias().equals("off")));
        assertEquals("404 stream_not_found: node 'off' does not carry stream 'cam' (it is offline)",
                offline.status() + " " + offline.code() + ": " + offline.getMessage(), "an offline node carries nothing");
        LinkChoice.Choice other = LinkChoice.choose("solo", "c1", "b2", List.of(node("b2", "b", true, 0.1),
                node("c1", "c", true, 0.1)), node -> node.alias().equals("b2"));
        assertEquals("b2", other.source().alias(), "even as the only carrier");
    }

    @Test
    void refusals() {
        assertEquals("404 node_not_found: no node 'zz'", error("cam", "zz", null));
        assertEquals("404 node_not_found: no node 'zz'", error("cam", "b2", "zz"));
        assertEquals("503 no_node_available: node 'off' is offline", error("cam", "off", null));
        assertEquals("409 already_carried: node 'b1' already has stream 'cam'", error("cam", "b1", null));
        assertEquals("404 stream_not_found: stream 'nope' is not on any online node", error("nope", "b2", null));
        assertEquals("404 stream_not_found: node 'c1' does not carry stream 'cam'", error("cam", "b2", "c1"));
        assertEquals("404 stream_not_found: node 'off' does not carry stream 'cam' (it is offline)", error("cam", "b2", "off"));
    }
}
