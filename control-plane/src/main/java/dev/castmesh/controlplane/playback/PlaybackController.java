package dev.castmesh.controlplane.playback;

import dev.castmesh.api.StreamName;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.recording.RecordingIndex;
import dev.castmesh.controlplane.recording.RecordingPage;
import dev.castmesh.controlplane.recording.RecordingView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.List;

/**
 * Liveman's playback index: which streams were recorded, and a stream's recordings by day.
 *
 * <p>{@code GET /api/playback/{stream}} answers Liveman's array of the stream's recordings, newest day first, each with
 * Liveman's {@code record} and {@code mpd_path} beside our row fields; {@code from=YYYY-MM-DD} and {@code to=YYYY-MM-DD}
 * (inclusive, optional) narrow it. Pagination is opt-in: with {@code page} (0-based) or {@code size} (1 to 100) the
 * answer is our page object {@code {"items","total","page","size"}}. Bad values answer 400.
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
    Object recordings(String stream, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                      @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        PlaybackQuery query = BadRequestException.parse(() -> PlaybackQuery.parse(from, to, page, size));
        if (page == null && size == null) {
            return all(stream, query);
        }
        return PlaybackPage.of(index.list(stream, query.from(), query.to(), query.page(), query.size()));
    }

    /** Every row of the range, read page by page. */
    private List<RecordingView> all(String stream, PlaybackQuery query) {
        List<RecordingView> rows = new ArrayList<>();
        for (int number = 0; ; number++) {
            RecordingPage page = index.list(stream, query.from(), query.to(), number, RecordingIndex.MAX_PAGE_SIZE);
            page.items().forEach(row -> rows.add(RecordingView.of(row)));
            if (page.items().size() < RecordingIndex.MAX_PAGE_SIZE || rows.size() >= page.total()) {
                return rows;
            }
        }
    }
}
