package dev.castmesh.controlplane.events;

import dev.castmesh.api.recording.RecordingInfo;
import dev.castmesh.api.streams.PublisherInfo;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.api.streams.ViewerInfo;
import dev.castmesh.controlplane.signaling.SessionId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The events between two looks at one node's stream list (the agent's {@code GET /api/streams}): a session that appears
 * ({@code session.joined}) or goes ({@code session.left}), with its role ({@code publish} or {@code subscribe}) and its
 * routable id ({@code {alias}.{id}}), and segments a recording added since ({@code recording.segment}: the count so
 * far, how many are new, the manifest). Per stream, by name: publisher joined, viewers joined, segments, viewers left,
 * publisher left. Cascade legs are not sessions here (the agent does not list them as viewers). Pure.
 */
public final class SessionDiff {
    private static final String PUBLISH = "publish";
    private static final String SUBSCRIBE = "subscribe";

    private SessionDiff() {
    }

    public static List<EventDraft> between(String alias, Map<String, StreamInfo> before, Map<String, StreamInfo> after) {
        List<EventDraft> events = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String stream : names) {
            StreamInfo was = before.get(stream);
            StreamInfo is = after.get(stream);
            Map<String, String> old = sessions(was);
            Map<String, String> now = sessions(is);
            now.forEach((id, role) -> {
                if (!old.containsKey(id)) {
                    session(events, EventType.SESSION_JOINED, alias, stream, id, role);
                }
            });
            segments(alias, stream, was == null ? null : was.recording(), is == null ? null : is.recording(), events);
            List<Map.Entry<String, String>> gone = new ArrayList<>(old.entrySet());
            // Viewers before the publisher: a publisher leaving ends its viewers' sessions too.
            gone.sort((a, b) -> Boolean.compare(a.getValue().equals(PUBLISH), b.getValue().equals(PUBLISH)));
            for (Map.Entry<String, String> session : gone) {
                if (!now.containsKey(session.getKey())) {
                    session(events, EventType.SESSION_LEFT, alias, stream, session.getKey(), session.getValue());
                }
            }
        }
        return events;
    }

    /** Agent session id → role, publisher first, in the agent's order. */
    private static Map<String, String> sessions(StreamInfo info) {
        Map<String, String> sessions = new LinkedHashMap<>();
        if (info == null) {
            return sessions;
        }
        PublisherInfo publisher = info.publisher();
        if (publisher != null && publisher.sessionId() != null) {
            sessions.put(publisher.sessionId(), PUBLISH);
        }
        for (ViewerInfo viewer : info.viewers()) {
            if (viewer != null && viewer.sessionId() != null) {
                sessions.putIfAbsent(viewer.sessionId(), SUBSCRIBE);
            }
        }
        return sessions;
    }

    private static void session(List<EventDraft> events, EventType type, String alias, String stream, String id, String role) {
        String routable;
        try {
            routable = new SessionId(alias, id).encode();
        } catch (IllegalArgumentException notRoutable) {
            return;
        }
        events.add(new EventDraft(type, alias, stream, routable, Map.of("role", role)));
    }

    /** A recording is the same one while its {@code since} is; a new one counts from 0. */
    private static void segments(String alias, String stream, RecordingInfo was, RecordingInfo is, List<EventDraft> events) {
        if (is == null) {
            return;
        }
        long before = was != null && Objects.equals(was.since(), is.since()) ? was.segments() : 0;
        if (is.segments() > before) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("segments", is.segments());
            data.put("added", is.segments() - before);
            if (is.manifestPath() != null) {
                data.put("manifest_path", is.manifestPath());
            }
            events.add(new EventDraft(EventType.RECORDING_SEGMENT, alias, stream, null, data));
        }
    }
}
