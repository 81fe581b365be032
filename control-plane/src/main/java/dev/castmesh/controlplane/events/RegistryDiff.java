package dev.castmesh.controlplane.events;

import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.controlplane.node.NodeState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The events between two registry snapshots, in a stable order (by node, then stream): a node coming online or going
 * offline (deleted counts as offline), a WHIP publisher appearing or leaving on a node, a node starting or stopping to
 * record a stream, a cascade copy appearing or leaving ({@code cascadeFrom} set or cleared). Only what online nodes
 * report counts: the streams of a node that went offline end with it. Pure.
 */
public final class RegistryDiff {
    private RegistryDiff() {
    }

    public static List<EventDraft> between(List<NodeState> before, List<NodeState> after) {
        Map<String, NodeState> old = byAlias(before);
        Map<String, NodeState> now = byAlias(after);
        List<EventDraft> events = new ArrayList<>();
        TreeMap<String, Boolean> aliases = new TreeMap<>();
        old.keySet().forEach(alias -> aliases.put(alias, true));
        now.keySet().forEach(alias -> aliases.put(alias, true));
        for (String alias : aliases.keySet()) {
            NodeState was = old.get(alias);
            NodeState is = now.get(alias);
            boolean wasOnline = was != null && was.online();
            boolean isOnline = is != null && is.online();
            if (!wasOnline && isOnline) {
                events.add(new EventDraft(EventType.NODE_ONLINE, alias, null, null, Map.of("region", is.region())));
            }
            streams(alias, wasOnline ? was.streams() : List.of(), isOnline ? is.streams() : List.of(), events);
            if (wasOnline && !isOnline) {
                events.add(new EventDraft(EventType.NODE_OFFLINE, alias, null, null, Map.of("deleted", is == null)));
            }
        }
        return events;
    }

    private static void streams(String alias, List<StreamSnapshot> before, List<StreamSnapshot> after, List<EventDraft> events) {
        Map<String, StreamSnapshot> old = new TreeMap<>();
        before.forEach(stream -> old.put(stream.stream(), stream));
        Map<String, StreamSnapshot> now = new TreeMap<>();
        after.forEach(stream -> now.put(stream.stream(), stream));
        TreeMap<String, Boolean> names = new TreeMap<>();
        old.keySet().forEach(name -> names.put(name, true));
        now.keySet().forEach(name -> names.put(name, true));
        for (String name : names.keySet()) {
            StreamSnapshot was = old.get(name);
            StreamSnapshot is = now.get(name);
            boolean published = is != null && is.publisher();
            boolean wasPublished = was != null && was.publisher();
            String source = is == null ? null : is.cascadeFrom();
            String oldSource = was == null ? null : was.cascadeFrom();
            boolean recording = is != null && is.recording();
            boolean wasRecording = was != null && was.recording();
            if (published && !wasPublished) {
                events.add(new EventDraft(EventType.STREAM_PUBLISHED, alias, name, null, Map.of()));
            }
            if (!Objects.equals(source, oldSource)) {
                if (oldSource != null) {
                    events.add(new EventDraft(EventType.CASCADE_DOWN, alias, name, null, Map.of("cascadeFrom", oldSource)));
                }
                if (source != null) {
                    events.add(new EventDraft(EventType.CASCADE_UP, alias, name, null, Map.of("cascadeFrom", source)));
                }
            }
            if (recording && !wasRecording) {
                events.add(new EventDraft(EventType.RECORDING_STARTED, alias, name, null, Map.of()));
            }
            if (!recording && wasRecording) {
                events.add(new EventDraft(EventType.RECORDING_FINISHED, alias, name, null, Map.of()));
            }
            if (!published && wasPublished) {
                events.add(new EventDraft(EventType.STREAM_ENDED, alias, name, null, Map.of()));
            }
        }
    }

    private static Map<String, NodeState> byAlias(List<NodeState> nodes) {
        Map<String, NodeState> map = new TreeMap<>(Comparator.naturalOrder());
        nodes.forEach(node -> map.put(node.alias(), node));
        return map;
    }
}
