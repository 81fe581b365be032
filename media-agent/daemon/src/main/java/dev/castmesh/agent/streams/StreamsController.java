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
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/streams}, {@code GET/POST/DELETE /api/streams/{stream}} (admin). {@code POST} reserves a stream
 * ({@link StreamReservations}): 204, or 409 {@code stream_already_exists} when the agent has it (published, a copy or
 * reserved); the views then list it with no publisher. {@code DELETE} releases a reservation and ends the stream: 204
 * (404 when there is neither).
 */
@Controller("/api/streams")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StreamsController {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsController.class);

    private final MediaEngine engine;
    private final CascadeManager cascades;
    private final RecordingManager recordings;
    private final StreamReservations reservations;

    StreamsController(MediaEngine engine, CascadeManager cascades, RecordingManager recordings,
                      StreamReservations reservations) {
        this.engine = engine;
        this.cascades = cascades;
        this.recordings = recordings;
        this.reservations = reservations;
    }

    @Get
    List<StreamInfo> list() {
        List<StreamInfo> streams = new ArrayList<>(engine.streams().stream().map(s -> StreamViews.of(s,
                cascades.links(s.stream()), recordings.last(s.stream()).orElse(null))).toList());
        Set<String> carried = streams.stream().map(StreamInfo::stream).collect(Collectors.toSet());
        reservations.all().forEach((stream, since) -> {
            if (!carried.contains(stream)) {
                streams.add(StreamViews.reserved(stream, since));
            }
        });
        return streams;
    }

    @Get("/{stream}")
    StreamInfo get(@PathVariable String stream) {
        StreamNames.require(stream);
        return engine.stream(stream).map(s -> StreamViews.of(s, cascades.links(stream),
                        recordings.last(stream).orElse(null)))
                .or(() -> reservations.since(stream).map(since -> StreamViews.reserved(stream, since)))
                .orElseThrow(() -> notFound(stream));
    }

    @Post("/{stream}")
    HttpResponse<?> create(@PathVariable String stream) {
        StreamNames.require(stream);
        if (engine.stream(stream).isPresent() || !reservations.reserve(stream)) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.STREAM_ALREADY_EXISTS,
                    "stream '" + stream + "' already exists on this agent");
        }
        LOG.atInfo().addKeyValue("stream", stream).log("stream reserved by request");
        return HttpResponse.noContent();
    }

    @Delete("/{stream}")
    HttpResponse<?> delete(@PathVariable String stream) {
        StreamNames.require(stream);
        boolean released = reservations.release(stream);
        if (!released || engine.stream(stream).isPresent()) {
            engine.endStream(stream); // 404 when there is no such stream (and it was not reserved)
        }
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("reservation", released).log("stream ended by request");
        return HttpResponse.noContent();
    }

    private static ApiException notFound(String stream) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.STREAM_NOT_FOUND,
                "stream '" + stream + "' has no publisher");
    }
}
