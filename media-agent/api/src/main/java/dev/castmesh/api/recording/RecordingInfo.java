package dev.castmesh.api.recording;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The recording state of one stream on an agent ({@code POST} answer and {@code GET /api/record/{stream}}),
 * snake_case JSON.
 *
 * @param stream          the stream name
 * @param recording       whether a recording is running now (state STARTING, RECORDING or STOPPING)
 * @param state           the last recording's state (STARTING, RECORDING, STOPPING, FINISHED, FAILED); null if the
 *                        stream was never recorded since the agent started
 * @param since           when the current (or last) recording started
 * @param endedAt         when the last recording ended; null while recording
 * @param segmentDuration target segment duration of that recording, seconds
 * @param segments        media segments written by that recording (all tracks)
 * @param bytes           bytes written by that recording (init and media segments)
 * @param recordedMs      media recorded by that recording, milliseconds
 * @param manifestPath    the current day's manifest, relative to the storage root
 *                        ({@code {stream}/{yyyy}/{mm}/{dd}/manifest.mpd}): the recordings index's {@code mpd_path}
 * @param pendingUploads  files of this stream written locally and not yet in storage
 * @param error           why the last recording failed; null otherwise
 */
public record RecordingInfo(String stream, boolean recording, String state, Instant since,
                            @JsonProperty("ended_at") Instant endedAt,
                            @JsonProperty("segment_duration") Integer segmentDuration, long segments, long bytes,
                            @JsonProperty("recorded_ms") long recordedMs,
                            @JsonProperty("manifest_path") String manifestPath,
                            @JsonProperty("pending_uploads") long pendingUploads, String error) {
}
