package dev.castmesh.controlplane.recording;

import java.util.List;

/**
 * One page of a stream's recordings, newest first.
 *
 * @param items at most {@code size} rows
 * @param total rows in the whole date range
 * @param page  0-based page number
 * @param size  requested page size
 */
public record RecordingPage(List<Recording> items, long total, int page, int size) {
    public RecordingPage {
        items = List.copyOf(items);
    }
}
