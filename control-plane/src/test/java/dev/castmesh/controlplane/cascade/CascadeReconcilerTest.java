package dev.castmesh.controlplane.cascade;

import dev.castmesh.controlplane.node.NodeState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.castmesh.controlplane.cascade.Nodes.copy;
import static dev.castmesh.controlplane.cascade.Nodes.full;
import static dev.castmesh.controlplane.cascade.Nodes.node;
import static dev.castmesh.controlplane.cascade.Nodes.published;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CascadeReconcilerTest {
    private final CascadeReconciler reconciler = new CascadeReconciler("hq", stream -> Optional.empty());

    private List<String> plan(CascadeReconciler reconciler, NodeState... nodes) {
        return reconciler.plan(List.of(nodes)).stream().map(CascadeAction::key).toList();
    }

    private List<String> plan(NodeState... nodes) {
        return plan(reconciler, nodes);
    }

    @Test
    void autopushSendsAPublishOutsideTheOriginRegionToTheLeastLoadedOriginNode() {
        NodeState edge = node("edge", "b", true, true, 0.1, published("cam"), published("other"));
        NodeState hq1 = node("hq1", "hq", true, 0.5);
        NodeState hq2 = node("hq2", "hq", true, 0.2);
        assertEquals(List.of("push cam edge -> hq2", "push other edge -> hq2"), plan(edge, hq1, hq2));
    }

    @Test
    void autopushIsDoneOnceTheOriginRegionCarriesTheStream() {
        NodeState edge = node("edge", "b", true, true, 0.1, published("cam"));
        assertEquals(List.of(), plan(edge, node("hq1", "hq", true, 0.5, copy("cam", "edge")), node("hq2", "hq", true, 0.2)));
        assertEquals(List.of(), plan(edge, node("hq1", "hq", true, 0.5, published("cam"))), "published in hq too");
        assertEquals(List.of("push cam edge -> hq2"), plan(edge, node("hq1", "hq", false, 0.0, copy("cam", "edge")),
                node("hq2", "hq", true, 0.2)), "a copy on an offline node does not count");
    }

    @Test
    void noAutopushWithoutTheFlagInTheOriginRegionWithoutOriginRegionOrWithoutRoom() {
        assertEquals(List.of(), plan(node("edge", "b", true, false, 0.1, published("cam")), node("hq1", "hq", true, 0.5)));
        assertEquals(List.of(), plan(node("hq0", "hq", true, true, 0.1, published("cam")), node("hq1", "hq", true, 0.5)));
        assertEquals(List.of(), plan(new CascadeReconciler("", stream -> Optional.empty()),
                node("edge", "b", true, true, 0.1, published("cam")), node("hq1", "hq", true, 0.5)));
        assertEquals(List.of(), plan(node("edge", "b", true, true, 0.1, published("cam")), full("hq1", "hq"),
                node("hq2", "hq", false, 0.0)));
        assertEquals(List.of(), plan(node("edge", "b", false, true, 0.1, published("cam")), node("hq1", "hq", true, 0.5)),
                "an offline node pushes nothing");
    }

    @Test
    void aCopyWhoseSourceDiedReattachesToTheNearestRootedCarrier() {
        NodeState deadOrigin = node("origin", "hq", false, 0.1, published("cam"));
        NodeState newOrigin = node("origin2", "hq", true, 0.9, published("cam"));
        NodeState sameRegion = node("b1", "b", true, 0.5, copy("cam", "origin2"));
        NodeState orphan = node("b2", "b", true, 0.1, copy("cam", "origin"));
        assertEquals(List.of("reattach cam on b2 <- b1 cam"), plan(deadOrigin, newOrigin, sameRegion, orphan),
                "the carrier of the copy's own region first");
        assertEquals(List.of("reattach cam on b2 <- origin2 cam"), plan(deadOrigin, newOrigin, orphan));
        assertEquals(List.of("reattach cam on b2 <- origin2 cam"), plan(newOrigin, orphan), "a source gone from the registry");
    }

    @Test
    void reattachTakesTheNearestCarrierEvenAFullOneAsACascadePullIsNotAViewer() {
        NodeState deadOrigin = node("origin", "hq", false, 0.1, published("cam"));
        NodeState fullSameRegion = full("b1", "b", copy("cam", "origin2"));
        NodeState origin2 = node("origin2", "hq", true, 0.9, published("cam"));
        NodeState orphan = node("b2", "b", true, 0.1, copy("cam", "origin"));
        assertEquals(List.of("reattach cam on b2 <- b1 cam"), plan(deadOrigin, fullSameRegion, origin2, orphan));
    }

    @Test
    void aCopyWhoseSourceNoLongerCarriesTheStreamReattachesToo() {
        NodeState ended = node("origin", "hq", true, 0.1);
        NodeState other = node("a", "hq", true, 0.1, published("cam"));
        assertEquals(List.of("reattach cam on b <- a cam"), plan(ended, other, node("b", "b", true, 0.1, copy("cam", "origin"))));
    }

    @Test
    void reattachNeverPicksTheCopyItselfItsDescendantsOrBrokenChains() {
        NodeState deadOrigin = node("origin", "hq", false, 0.1, published("cam"));
        NodeState orphan = node("b1", "b", true, 0.1, copy("cam", "origin"));
        NodeState child = node("b2", "b", true, 0.1, copy("cam", "b1"));
        NodeState grandChild = node("b3", "b", true, 0.1, copy("cam", "b2"));
        assertEquals(List.of(), plan(deadOrigin, orphan, child, grandChild),
                "only descendants of the orphan carry the stream: nothing, the agent ends the copy after its grace period");

        NodeState otherOrphan = node("c1", "c", true, 0.1, copy("cam", "origin"));
        assertEquals(List.of(), plan(deadOrigin, orphan, otherOrphan), "two orphans do not feed each other");

        NodeState origin2 = node("origin2", "hq", true, 0.1, published("cam"));
        assertEquals(List.of("reattach cam on b1 <- origin2 cam", "reattach cam on c1 <- origin2 cam"),
                plan(deadOrigin, orphan, child, grandChild, otherOrphan, origin2), "children of b1 stay with b1");
    }

    @Test
    void healthyCopiesAndExternalCopiesAreLeftAlone() {
        NodeState origin = node("origin", "hq", true, 0.1, published("cam"));
        NodeState region = node("b1", "b", true, 0.1, copy("cam", "origin"));
        NodeState edge = node("b2", "b", true, 0.1, copy("cam", "b1"), copy("ext", AgentCascades.EXTERNAL_SOURCE),
                copy("direct", "10.0.0.9:7777"));
        assertEquals(List.of(), plan(origin, region, edge));
        assertEquals(List.of(), plan(origin, region, edge, node("off", "b", false, 0.1, copy("cam", "gone"))),
                "copies on offline nodes are not touched");
    }

    @Test
    void aPullRuleCopyStaysWithItsSourceStreamAndReattachesToAnotherCarrierOfIt() {
        CascadeReconciler withRule = new CascadeReconciler("hq",
                stream -> stream.startsWith("live-") ? Optional.of(stream.substring(5)) : Optional.empty());
        NodeState origin = node("origin", "hq", true, 0.1, published("cam"));
        NodeState ruleCopy = node("b1", "b", true, 0.1, copy("live-cam", "origin"));
        assertEquals(List.of(), plan(withRule, origin, ruleCopy), "origin carries 'cam', the copy's source stream");
        NodeState dead = node("origin", "hq", false, 0.1, published("cam"));
        NodeState other = node("a", "hq", true, 0.1, copy("cam", "x"), published("zz"));
        NodeState x = node("x", "hq", true, 0.1, published("cam"));
        assertEquals(List.of("reattach live-cam on b1 <- x cam"), plan(withRule, dead, ruleCopy, other, x),
                "nearest rooted carrier of 'cam'; the live-cam copy pulls /whep/cam");
    }
}
