package dev.castmesh.controlplane.info;

import dev.castmesh.storage.ObjectStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/info} (admin): Live777's server info, which Liveman's dashboard reads to show its features. */
@Controller("/api/info")
@ExecuteOn(TaskExecutors.BLOCKING)
final class InfoController {
    private static final Logger LOG = LoggerFactory.getLogger(InfoController.class);

    private final BuildInfo build = BuildInfo.load();
    private final BeanProvider<ObjectStore> recordings;

    InfoController(BeanProvider<ObjectStore> recordings) {
        this.recordings = recordings;
    }

    @Get
    ServerInfo info() {
        List<String> features = new ArrayList<>(List.of("cascade"));
        if (recordingsStorageOpens()) {
            features.add("recorder");
        }
        features.addAll(List.of("cluster", "relay", "sse"));
        return new ServerInfo(build.version(), build.gitHash(), build.buildTime(), features);
    }

    private boolean recordingsStorageOpens() {
        try {
            recordings.get();
            return true;
        } catch (RuntimeException e) {
            LOG.debug("recordings storage does not open: {}", e.getMessage());
            return false;
        }
    }
}
