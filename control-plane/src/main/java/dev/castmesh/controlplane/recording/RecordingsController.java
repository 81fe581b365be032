package dev.castmesh.controlplane.recording;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.http.JsonBody;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code PUT /api/recordings}: agents report the manifests they wrote,
 * {@code [{"stream", "year", "month", "day", "mpd_path"}]}. Upserts all of them in one transaction and answers the
 * stored rows (200). Any invalid item rejects the whole batch with 400 naming the item.
 */
@Controller("/api/recordings")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RecordingsController {
    private final RecordingIndex index;
    private final JsonBody<List<RecordingUpsert>> body;

    RecordingsController(RecordingIndex index, ObjectMapper mapper) {
        this.index = index;
        this.body = new JsonBody<>(mapper, new TypeReference<List<RecordingUpsert>>() { }.getType(), "recordings");
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    List<RecordingView> upsert(@Body String json) {
        List<RecordingUpsert> recordings = body.read(json);
        if (recordings.size() > RecordingIndex.MAX_BATCH) {
            throw new BadRequestException("at most " + RecordingIndex.MAX_BATCH + " recordings per request");
        }
        for (int i = 0; i < recordings.size(); i++) {
            RecordingUpsert item = recordings.get(i);
            if (item == null) {
                throw new BadRequestException("recordings[" + i + "] is null");
            }
            BadRequestException.check("recordings[" + i + "]: ", item::validate);
        }
        return index.upsert(recordings).stream().map(RecordingView::of).toList();
    }
}
