package dev.castmesh.controlplane.playback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.castmesh.controlplane.recording.RecordingPage;
import dev.castmesh.controlplane.recording.RecordingView;

import java.util.List;

/**
 * Answer of {@code GET /api/playback/{stream}}.
 *
 * @param items recordings, newest day first
 * @param total recordings of the stream in the requested date range
 * @param page  0-based page number
 * @param size  page size asked for
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlaybackPage(List<RecordingView> items, long total, int page, int size) {

    static PlaybackPage of(RecordingPage page) {
        return new PlaybackPage(page.items().stream().map(RecordingView::of).toList(), page.total(), page.page(), page.size());
    }
}
