package dev.castmesh.agent.streams;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.cascade.CascadeManager;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.agent.recording.RecordingManager;
import dev.castmesh.agent.signaling.StreamNames;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.gst.hub.MediaEngine;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** {@code GET /api/streams}, {@code GET/DELETE /api/streams/{stream}} (admin). */
@Controller("/api/streams")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StreamsController {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsController.class);

    private final MediaEngine engine;
    private final CascadeManager cascades;
    private final RecordingManager recordings;

    StreamsController(MediaEngine engine, CascadeManager cascades, RecordingManager recordings) {
        this.engine = engine;
        this.cascades = cascades;
        this.recordings = recordings;
    }

    @Get
    List<StreamInfo> list() {
        return engine.streams().stream().map(s -> StreamViews.of(s, cascades.links(s.stream()),
                recordings.last(s.stream()).orElse(null))).toList();
    }

    @Get("/{stream}")
    StreamInfo get(@PathVariable String stream) {
        StreamNames.require(stream);
        return engine.stream(stream).map(s -> StreamViews.of(s, cascades.links(stream),
                        recordings.last(stream).orElse(null)))
                .orElseThrow(() -> notFound(stream));
    }

    @Delete("/{stream}")
    HttpResponse<?> delete(@PathVariable String stream) {
        StreamNames.require(stream);
        engine.endStream(stream);
        LOG.atInfo().addKeyValue("stream", stream).log("stream ended by request");
        return HttpResponse.noContent();
    }

    private static ApiException notFound(String stream) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.STREAM_NOT_FOUND,
                "stream '" + stream + "' has no publisher");
    }
}
