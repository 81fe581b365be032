package dev.castmesh.controlplane.placement;

import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.Placement.CascadeNeeded;
import dev.castmesh.controlplane.placement.Placement.OnNode;
import dev.castmesh.controlplane.placement.Placement.Reason;
import dev.castmesh.controlplane.placement.Placement.Refused;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the node for a WHIP or WHEP request from a registry snapshot. Pure: no I/O, no clock (the snapshot says
 * which nodes are online), same answer for the same input.
 *
 * <p><b>WHIP</b>: 409 if a publisher has the stream on an online node (a cascaded copy alone does not count, so a
 * stream whose origin died can be published again at once); else the online node the stream was created on
 * ({@code reserved} in its heartbeat); else the least-loaded ({@link LoadScore}) online node,
 * nodes of the preferred region first, and nodes that do not still hold a copy of the stream before those that do
 * (a publish there would collide with the copy). A node that carries its {@code maxStreams} streams takes no publish
 * and no new copy.
 *
 * <p><b>WHEP</b>: a carrier (publisher or cascaded copy, online) has room for one more viewer of the stream when its
 * stream viewers &lt; {@code eachStreamMaxSub} and node viewers &lt; {@code maxViewers}. With a preferred region R:
 * the least-loaded carrier with room in R; else {@link CascadeNeeded} to the least-loaded node with room in R from the
 * nearest carrier, so a viewer of region B is served by a B node and trees form origin → region → edge. Then (or
 * without R): the least-loaded carrier with room anywhere; else {@link CascadeNeeded} to the least-loaded online node
 * with room. The nearest carrier is the least-loaded one in the target's region, else the origin (publisher), else
 * the least-loaded copy.
 * Viewer counts come from the last heartbeats (up to 2 s old); agents enforce their limits too.
 *
 * <p>Ties go to the smaller alias, so the choice is stable.
 */
public final class PlacementPolicy {

    public Placement whip(String stream, List<NodeState> nodes, Preference preference) {
        Optional<NodeState> publisher = nodes.stream().filter(NodeState::online)
                .filter(node -> node.stream(stream).map(StreamSnapshot::publisher).orElse(false)).findFirst();
        if (publisher.isPresent()) {
            return new Refused(Reason.ALREADY_PUBLISHED, "stream '" + stream + "' is already published on node '"
                    + publisher.get().alias() + "'");
        }
        if (preference.forcedNode() != null) {
            return onForced(nodes, preference.forcedNode());
        }
        List<NodeState> online = nodes.stream().filter(NodeState::online).filter(node -> node.capacity() != null).toList();
        // A stream created ahead of its publisher (POST /api/streams/{stream}) is published where it was created.
        Optional<NodeState> reserving = online.stream()
                .filter(node -> node.stream(stream).map(StreamSnapshot::reserved).orElse(false)).findFirst();
        if (reserving.isPresent()) {
            return new OnNode(reserving.get());
        }
        List<NodeState> candidates = online.stream().filter(PlacementPolicy::hasStreamRoom).toList();
        if (candidates.isEmpty() && !online.isEmpty()) {
            return new Refused(Reason.NO_NODE_AVAILABLE, "every online media node carries as many streams as it may"
                    + " ([strategy] max_streams)");
        }
        // A node still holding a copy of the stream (its origin died) would refuse the publish: avoid it if we can.
        List<NodeState> withoutCopy = candidates.stream().filter(node -> node.stream(stream).isEmpty()).toList();
        return best(withoutCopy.isEmpty() ? candidates : withoutCopy, preference.region()).map(node -> (Placement) new OnNode(node))
                .orElseGet(() -> new Refused(Reason.NO_NODE_AVAILABLE, "no media node is online"));
    }

    /**
     * Where to create (reserve) a stream ahead of its publisher, Liveman's {@code POST /api/streams/{stream}}: 409 if an
     * online node has it in any form (published, copied, reserved); the forced node; else the least-loaded online node,
     * the preferred region first.
     */
    public Placement create(String stream, List<NodeState> nodes, Preference preference) {
        Optional<NodeState> holder = nodes.stream().filter(NodeState::online)
                .filter(node -> node.stream(stream).isPresent()).findFirst();
        if (holder.isPresent()) {
            return new Refused(Reason.ALREADY_EXISTS, "stream '" + stream + "' already exists on node '"
                    + holder.get().alias() + "'");
        }
        if (preference.forcedNode() != null) {
            return onForced(nodes, preference.forcedNode());
        }
        List<NodeState> online = nodes.stream().filter(NodeState::online).filter(node -> node.capacity() != null).toList();
        List<NodeState> withRoom = online.stream().filter(PlacementPolicy::hasStreamRoom).toList();
        if (withRoom.isEmpty() && !online.isEmpty()) {
            return new Refused(Reason.NO_NODE_AVAILABLE, "every online media node carries as many streams as it may"
                    + " ([strategy] max_streams)");
        }
        return best(withRoom, preference.region()).map(node -> (Placement) new OnNode(node))
                .orElseGet(() -> new Refused(Reason.NO_NODE_AVAILABLE, "no media node is online"));
    }

    public Placement whep(String stream, List<NodeState> nodes, Preference preference) {
        List<NodeState> carriers = nodes.stream().filter(NodeState::online)
                .filter(node -> node.stream(stream).map(StreamSnapshot::carried).orElse(false)).toList();
        if (preference.forcedNode() != null) {
            Optional<NodeState> forced = forced(nodes, preference.forcedNode());
            if (forced.isEmpty()) {
                return refusedForced(nodes, preference.forcedNode());
            }
            NodeState node = forced.get();
            if (carriers.contains(node)) {
                return hasRoomFor(stream).test(node) ? new OnNode(node) : full(stream, "node '" + node.alias() + "'");
            }
            if (carriers.isEmpty()) {
                return notFound(stream);
            }
            return hasRoom(node) && hasStreamRoom(node)
                    ? new CascadeNeeded(stream, node, nearest(carriers, node.region(), stream))
                    : full(stream, "node '" + node.alias() + "'");
        }
        if (carriers.isEmpty()) {
            return notFound(stream);
        }
        List<NodeState> withRoom = carriers.stream().filter(hasRoomFor(stream)).toList();
        List<NodeState> targets = nodes.stream().filter(NodeState::online).filter(node -> !carriers.contains(node))
                .filter(PlacementPolicy::hasRoom).filter(PlacementPolicy::hasStreamRoom).toList();
        String region = preference.region();
        if (!region.isEmpty()) {
            Optional<NodeState> carrierInRegion = best(inRegion(withRoom, region), region);
            if (carrierInRegion.isPresent()) {
                return new OnNode(carrierInRegion.get());
            }
            Optional<NodeState> targetInRegion = best(inRegion(targets, region), region);
            if (targetInRegion.isPresent()) {
                return new CascadeNeeded(stream, targetInRegion.get(), nearest(carriers, region, stream));
            }
        }
        Optional<NodeState> carrier = best(withRoom, "");
        if (carrier.isPresent()) {
            return new OnNode(carrier.get());
        }
        return best(targets, region)
                .map(target -> (Placement) new CascadeNeeded(stream, target, nearest(carriers, target.region(), stream)))
                .orElseGet(() -> new Refused(Reason.NO_NODE_AVAILABLE, "all " + carriers.size() + " node(s) carrying stream '"
                        + stream + "' are full and no other online node has room"));
    }

    /**
     * The carrier to cascade from: the least-loaded one in the target's region; with none there, the origin (the
     * publisher's node) before copies, so trees stay shallow; then the least loaded.
     */
    public static NodeState nearest(List<NodeState> carriers, String region, String stream) {
        Comparator<NodeState> order = Comparator.comparingDouble(LoadScore::of).thenComparing(NodeState::alias);
        Optional<NodeState> inRegion = region.isEmpty() ? Optional.empty()
                : carriers.stream().filter(node -> node.region().equals(region)).min(order);
        Comparator<NodeState> originFirst = Comparator.comparing(
                (NodeState node) -> !node.stream(stream).map(StreamSnapshot::publisher).orElse(false));
        return inRegion.orElseGet(() -> carriers.stream().min(originFirst.thenComparing(order)).orElseThrow());
    }

    private static List<NodeState> inRegion(List<NodeState> nodes, String region) {
        return nodes.stream().filter(node -> node.region().equals(region)).toList();
    }

    /**
     * The node a new copy of a stream nobody carries yet should go to (an on-demand pull): the least-loaded online node
     * with room, {@code region} first; or the forced node.
     */
    public Optional<NodeState> pullTarget(List<NodeState> nodes, Preference preference) {
        if (preference.forcedNode() != null) {
            return forced(nodes, preference.forcedNode()).filter(PlacementPolicy::hasRoom)
                    .filter(PlacementPolicy::hasStreamRoom);
        }
        return best(nodes.stream().filter(NodeState::online).filter(PlacementPolicy::hasRoom)
                .filter(PlacementPolicy::hasStreamRoom).toList(), preference.region());
    }

    /** The least-loaded of {@code candidates}, those of {@code region} first ("" = any); ties to the smaller alias. */
    public static Optional<NodeState> best(List<NodeState> candidates, String region) {
        Comparator<NodeState> order = Comparator.comparingDouble(LoadScore::of).thenComparing(NodeState::alias);
        if (!region.isEmpty()) {
            Optional<NodeState> inRegion = candidates.stream().filter(node -> node.region().equals(region)).min(order);
            if (inRegion.isPresent()) {
                return inRegion;
            }
        }
        return candidates.stream().min(order);
    }

    /** Room for one more viewer of {@code stream} on {@code node} (per stream and per node), from its last heartbeat. */
    public static boolean hasRoomFor(NodeState node, String stream) {
        return hasRoomFor(stream).test(node);
    }

    private static Predicate<NodeState> hasRoomFor(String stream) {
        return node -> hasRoom(node) && node.stream(stream).map(StreamSnapshot::viewers).orElse(0)
                < node.capacity().eachStreamMaxSub();
    }

    public static boolean hasRoom(NodeState node) {
        return node.capacity() != null && node.viewers() < node.capacity().maxViewers();
    }

    /** Room for one more stream (a publish or a cascade copy): under its {@code maxStreams}, or none reported. */
    public static boolean hasStreamRoom(NodeState node) {
        Integer max = node.capacity() == null ? null : node.capacity().maxStreams();
        return max == null || node.streams().size() < max;
    }

    private static Optional<NodeState> forced(List<NodeState> nodes, String alias) {
        return nodes.stream().filter(node -> node.alias().equals(alias)).filter(NodeState::online)
                .filter(node -> node.capacity() != null).findFirst();
    }

    /** The forced node if it is online and has reported, else why not. */
    private static Placement onForced(List<NodeState> nodes, String alias) {
        return forced(nodes, alias).map(node -> (Placement) new OnNode(node)).orElseGet(() -> refusedForced(nodes, alias));
    }

    private static Refused refusedForced(List<NodeState> nodes, String alias) {
        boolean known = nodes.stream().anyMatch(node -> node.alias().equals(alias));
        return known ? new Refused(Reason.NO_NODE_AVAILABLE, "node '" + alias + "' is offline")
                : new Refused(Reason.NODE_NOT_FOUND, "no node '" + alias + "'");
    }

    private static Refused notFound(String stream) {
        return new Refused(Reason.STREAM_NOT_FOUND, "stream '" + stream + "' is not published on any online node");
    }

    private static Refused full(String stream, String where) {
        return new Refused(Reason.NO_NODE_AVAILABLE, where + " has no room for another viewer of stream '" + stream + "'");
    }
}
