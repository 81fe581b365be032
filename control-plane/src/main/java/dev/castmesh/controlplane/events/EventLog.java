package dev.castmesh.controlplane.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The cluster's event log in the database: appended in order, read after an id. */
@Singleton
public class EventLog {
    /** Most events one read returns. */
    public static final int PAGE = 500;

    private final EventRepository repository;
    private final ObjectMapper mapper;
    private final Clock clock;

    EventLog(EventRepository repository, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void append(List<EventDraft> drafts) {
        Instant now = clock.instant();
        for (EventDraft draft : drafts) {
            try {
                repository.append(draft.type().json(), now, draft.node(), draft.stream(), draft.session(),
                        mapper.writeValueAsString(draft.data()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event data is not JSON", e);
            }
        }
    }

    /** Up to {@link #PAGE} events with an id above {@code after}, oldest first. */
    public List<ClusterEvent> after(long after) {
        return repository.after(after, PAGE).stream().map(this::event).toList();
    }

    /** The id of the newest event, 0 when there is none. */
    public long lastId() {
        return repository.lastId();
    }

    private ClusterEvent event(EventRow row) {
        Map<String, Object> data;
        try {
            data = mapper.readValue(row.data(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            data = Map.of();
        }
        return new ClusterEvent(row.id(), EventType.of(row.type()), row.occurredAt(), row.node(), row.stream(), row.session(), data);
    }
}
