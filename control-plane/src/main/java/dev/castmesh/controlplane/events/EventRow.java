package dev.castmesh.controlplane.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code events} (V5 migration, {@code session} from V6); {@code data} is a JSON object as text. */
@MappedEntity("events")
record EventRow(@Id Long id, String type, Instant occurredAt, @Nullable String node, @Nullable String stream,
                @Nullable String session, String data) {
}
