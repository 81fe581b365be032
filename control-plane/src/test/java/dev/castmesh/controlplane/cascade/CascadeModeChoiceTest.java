package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.castmesh.controlplane.cascade.Nodes.T;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pull is a WHEP viewer on the source: from a source without room for one more, the cascade is a push. */
class CascadeModeChoiceTest {
    private static NodeState source(int maxViewers, int perStream, int viewers) {
        return new NodeState("a", "eu", "http://a:7777", "tok", true, T, new NodeCapacity(maxViewers, perStream),
                new NodeLoad(0, 0, 0, 0), List.of(new StreamSnapshot("cam", true, null, viewers, 0, 0)), T, T);
    }

    @Test
    void pullUnlessTheSourceIsFullPushAlwaysStaysPush() {
        assertEquals(CascadeMode.PULL, ClusterCascades.modeFor(CascadeMode.PULL, source(100, 10, 9), "cam"));
        assertEquals(CascadeMode.PUSH, ClusterCascades.modeFor(CascadeMode.PULL, source(100, 10, 10), "cam"), "stream full");
        assertEquals(CascadeMode.PUSH, ClusterCascades.modeFor(CascadeMode.PULL, source(5, 10, 5), "cam"), "node full");
        assertEquals(CascadeMode.PUSH, ClusterCascades.modeFor(CascadeMode.PUSH, source(100, 10, 0), "cam"));
    }
}
