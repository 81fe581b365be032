package dev.castmesh.agent.recording;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of the control plane's {@code PUT /api/recordings} body: the manifest of {@code stream} for one UTC day.
 *
 * @param mpdPath the manifest's key in storage, {@code {stream}/{yyyy}/{mm}/{dd}/manifest.mpd}
 */
record IndexEntry(String stream, int year, int month, int day, @JsonProperty("mpd_path") String mpdPath) {
}
