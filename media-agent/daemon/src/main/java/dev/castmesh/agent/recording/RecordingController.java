package dev.castmesh.agent.recording;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.api.recording.RecordRequest;
import dev.castmesh.api.recording.RecordingInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /api/record/{stream}} (optional {@link RecordRequest} body) → 201 with the state; {@code GET} → the
 * state; {@code DELETE} → stops, 200 with the final state once the last segment and the static manifest are
 * written. Admin right (RouteRights). Unknown stream 404, already recording 409, VP8 422, bad body 400.
 */
@Controller("/api/record")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RecordingController {
    private final RecordingManager recordings;
    private final ObjectMapper json;

    RecordingController(RecordingManager recordings, ObjectMapper json) {
        this.recordings = recordings;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Post(uri = "/{stream:.+}", consumes = {MediaType.APPLICATION_JSON, MediaType.ALL})
    HttpResponse<RecordingInfo> start(@PathVariable("stream") String stream, @Body @Nullable String body) {
        return HttpResponse.created(recordings.start(stream, parse(body)));
    }

    @Get("/{stream:.+}")
    RecordingInfo state(@PathVariable("stream") String stream) {
        return recordings.info(stream);
    }

    @Delete("/{stream:.+}")
    RecordingInfo stop(@PathVariable("stream") String stream) {
        return recordings.stop(stream);
    }

    private RecordRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new RecordRequest(null);
        }
        try {
            RecordRequest request = json.readValue(body, RecordRequest.class);
            if (request == null) {
                throw ApiException.badRequest("the body must be a JSON object such as {\"segment_duration\": 4}");
            }
            return request;
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body must be a JSON object such as {\"segment_duration\": 4} ("
                    + firstLine(e.getOriginalMessage()) + ")");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) : line;
    }
}
