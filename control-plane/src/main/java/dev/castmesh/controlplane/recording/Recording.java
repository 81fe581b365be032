package dev.castmesh.controlplane.recording;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the recordings index (Liveman's {@code recordings} table): where the DASH manifest of one stream's
 * day lies in storage. Unique per {@code (stream, year, month, day)}.
 *
 * @param mpdPath   path of the manifest in recording storage
 * @param createdAt when the row was first written (millisecond precision)
 * @param updatedAt when {@code mpdPath} was last written (millisecond precision)
 */
@MappedEntity("recordings")
public record Recording(@Id UUID id, String stream, int year, int month, int day, String mpdPath,
                        Instant createdAt, Instant updatedAt) {
}
