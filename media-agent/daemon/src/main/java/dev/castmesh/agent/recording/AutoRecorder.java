package dev.castmesh.agent.recording;

import dev.castmesh.api.recording.RecordRequest;
import dev.castmesh.gst.errors.MediaException;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code [recorder] auto_streams}: every {@code tick} (half a second, on the caller's timer) starts recording each
 * newly published stream whose name matches a pattern. Each publish of a stream is tried once: a recording stopped
 * through the API is not restarted until the stream is published again. Watching the engine's streams, rather
 * than hooking WHIP, also catches streams that arrive by cascade. One thread (the timer) only.
 */
final class AutoRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AutoRecorder.class);

    private final MediaEngine engine;
    private final RecordingManager recordings;
    private final StreamPatterns patterns;
    /** Stream name → creation time of the publish already handled. */
    private final Map<String, Instant> handled = new HashMap<>();

    AutoRecorder(MediaEngine engine, RecordingManager recordings, StreamPatterns patterns) {
        this.engine = engine;
        this.recordings = recordings;
        this.patterns = patterns;
    }

    void tick() {
        try {
            Set<String> live = engine.streams().stream().map(StreamSnapshot::stream).collect(Collectors.toSet());
            handled.keySet().retainAll(live);
            for (StreamSnapshot s : engine.streams()) {
                if (!patterns.matches(s.stream()) || s.createdAt().equals(handled.get(s.stream())) || s.publisher() == null) {
                    continue;
                }
                handled.put(s.stream(), s.createdAt());
                if (recordings.recording(s.stream())) {
                    continue;
                }
                try {
                    recordings.start(s.stream(), new RecordRequest(null));
                    LOG.info("recording {}: started automatically ([recorder] auto_streams)", s.stream());
                } catch (MediaException | IllegalArgumentException | dev.castmesh.agent.http.ApiException e) {
                    LOG.warn("recording {}: not recorded automatically: {}", s.stream(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("automatic recording check failed", e);
        }
    }
}
