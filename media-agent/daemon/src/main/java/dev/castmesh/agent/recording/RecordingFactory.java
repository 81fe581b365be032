package dev.castmesh.agent.recording;

import dev.castmesh.gst.record.UnfinishedDays;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.agent.config.ClusterConfig;
import dev.castmesh.agent.config.RecorderConfig;
import dev.castmesh.gst.hub.MediaEngine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wires recording: the {@link RecordingManager}, the spool's {@link SpoolUploader} (which re-queues what a previous
 * run left) and {@link IndexOutbox}, and the {@link AutoRecorder} timer. All start with the context.
 */
@Factory
final class RecordingFactory {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    IndexOutbox indexOutbox(AgentConfig config, ObjectMapper json) {
        ClusterConfig cluster = config.cluster();
        IndexOutbox outbox = new IndexOutbox(spool(config.recorder()), cluster == null ? null : cluster.controlPlane(),
                cluster == null ? Optional.empty() : Optional.ofNullable(cluster.token()), json);
        outbox.start();
        return outbox;
    }

    @Singleton
    @Bean(preDestroy = "close")
    SpoolUploader spoolUploader(AgentConfig config, IndexOutbox outbox, RecordingManager recordings) {
        Path spool = spool(config.recorder());
        ObjectSink sink = StorageSinks.spoolIsStorage(config.recorder().storage(), spool) ? null
                : StorageSinks.lazy(config.recorder().storage());
        LOG.info("recorder: spool {}, storage {}", spool, sink == null ? "the spool itself" : config.recorder().storage());
        // Before any recording starts here: day state written for another storage is set aside, and a day left
        // dynamic by a killed agent becomes static (and is uploaded so).
        if (Files.isDirectory(spool)) {
            SpoolBinding.bind(spool, SpoolBinding.identity(config.recorder().storage(), spool), Clock.systemUTC());
        }
        UnfinishedDays.finish(spool, Clock.systemUTC());
        SpoolUploader uploader = new SpoolUploader(spool, sink, outbox, recordings::writes, Clock.systemUTC());
        recordings.uploadTo(uploader);
        uploader.rescan();
        return uploader;
    }

    @Singleton
    RecordingManager recordingManager(AgentConfig config, MediaEngine engine) {
        Path spool = spool(config.recorder());
        return new RecordingManager(engine, spool, SpoolBinding.identity(config.recorder().storage(), spool),
                config.recorder().segmentTarget(),
                config.recorder().minFreeBytes(), Clock.systemUTC());
    }

    /** Starts the uploader (and so the rescan) with the context, and the auto_streams timer if patterns are set. */
    @Context
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService autoRecorderTimer(AgentConfig config, MediaEngine engine, RecordingManager recordings,
                                               SpoolUploader uploader) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "castmesh-auto-record");
            t.setDaemon(true);
            return t;
        });
        StreamPatterns patterns = new StreamPatterns(config.recorder().autoStreams());
        if (!patterns.isEmpty()) {
            AutoRecorder auto = new AutoRecorder(engine, recordings, patterns);
            timer.scheduleWithFixedDelay(auto::tick, 500, 500, TimeUnit.MILLISECONDS);
        }
        LOG.debug("recorder: spool {}, auto_streams {}", spool(config.recorder()), config.recorder().autoStreams());
        return timer;
    }

    /** The spool, absolute; created by the first recording (an agent that never records leaves no directory). */
    static Path spool(RecorderConfig config) {
        return config.spoolDirectory().toAbsolutePath().normalize();
    }
}
