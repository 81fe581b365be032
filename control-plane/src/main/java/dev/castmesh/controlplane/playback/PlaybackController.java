package dev.castmesh.controlplane.playback;

import dev.castmesh.api.StreamName;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.recording.RecordingIndex;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * Liveman's playback index: which streams were recorded, and a stream's recordings by day.
 *
 * <p>{@code GET /api/playback/{stream}?from=YYYY-MM-DD&to=YYYY-MM-DD&page=0&size=20}: {@code from}/{@code to}
 * are inclusive and optional; <b>{@code page} is 0-based</b>; {@code size} is 1 to 100. Bad values answer 400.
 */
@Controller("/api/playback")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PlaybackController {
    private final RecordingIndex index;

    PlaybackController(RecordingIndex index) {
        this.index = index;
    }

    /** Names of the recorded streams, sorted. */
    @Get
    List<String> streams() {
        return index.streams();
    }

    @Get("/{stream}")
    PlaybackPage recordings(String stream, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                            @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        PlaybackQuery query = BadRequestException.parse(() -> PlaybackQuery.parse(from, to, page, size));
        return PlaybackPage.of(index.list(stream, query.from(), query.to(), query.page(), query.size()));
    }
}
