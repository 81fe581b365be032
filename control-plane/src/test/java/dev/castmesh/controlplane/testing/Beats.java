package dev.castmesh.controlplane.testing;

import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;

import java.util.List;

/** Heartbeat bodies and requests for tests. */
public final class Beats {
    private Beats() {
    }

    public static NodeHeartbeat beat(String url, String region, List<StreamSnapshot> streams) {
        return new NodeHeartbeat(url, region, new NodeCapacity(500, 200, null), new NodeLoad(0.25, 2_000_000, 8_000_000, 5),
                streams, "agent-token-" + region);
    }

    public static StreamSnapshot published(String stream, int viewers) {
        return new StreamSnapshot(stream, true, null, viewers, 1_000_000, viewers * 1_000_000L);
    }

    /** The JSON an agent sends. */
    public static String json(String url, String region, String streamsJson, String token) {
        return "{\"publicUrl\":\"" + url + "\",\"region\":\"" + region + "\","
                + "\"capacity\":{\"maxViewers\":500,\"eachStreamMaxSub\":200},"
                + "\"load\":{\"cpuRatio\":0.25,\"bitrateInBps\":2000000,\"bitrateOutBps\":8000000,\"sessions\":5},"
                + "\"streams\":" + streamsJson + ",\"agentToken\":" + (token == null ? "null" : "\"" + token + "\"") + "}";
    }

    public static MutableHttpRequest<String> request(String alias, String secret, String json) {
        MutableHttpRequest<String> request = HttpRequest.PUT("/api/nodes/" + alias + "/heartbeat", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        return secret == null ? request : request.bearerAuth(secret);
    }
}
