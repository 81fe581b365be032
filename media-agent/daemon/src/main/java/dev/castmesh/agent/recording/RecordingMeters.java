package dev.castmesh.agent.recording;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** Recording gauges, read at scrape time: running recordings, files waiting for storage, index rows waiting. */
@Singleton
final class RecordingMeters implements MeterBinder {
    private final RecordingManager recordings;
    private final SpoolUploader uploader;
    private final IndexOutbox outbox;

    RecordingMeters(RecordingManager recordings, SpoolUploader uploader, IndexOutbox outbox) {
        this.recordings = recordings;
        this.uploader = uploader;
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("castmesh.agent.recordings", recordings, RecordingManager::active)
                .description("recordings running").register(registry);
        Gauge.builder("castmesh.agent.recording.uploads.pending", uploader, SpoolUploader::pendingAll)
                .description("recording files in the spool not yet in storage").register(registry);
        Gauge.builder("castmesh.agent.recording.index.pending", outbox, IndexOutbox::size)
                .description("recordings-index rows not yet acknowledged by the control plane").register(registry);
        Gauge.builder("castmesh.agent.recording.index.parked", outbox, IndexOutbox::parked)
                .description("recordings-index rows the control plane refused (400/413/422), kept with their reason in "
                        + "the outbox's parked/ directory").register(registry);
    }
}
