package dev.castmesh.controlplane.node;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code nodes} (see the V2, V3_1, V4 and V7 migrations for the columns). Instants have millisecond precision. */
@MappedEntity("nodes")
record Node(@Id String alias, @Nullable String region, String reportedRegion, @Nullable String publicUrl,
            String secretHash, @Nullable String agentToken, @Nullable Instant lastHeartbeat,
            @Nullable Integer maxViewers, @Nullable Integer eachStreamMaxSub, @Nullable String loadJson,
            String streamsJson, Instant createdAt, Instant updatedAt, boolean autopush, @Nullable String grantKey,
            @Nullable Integer maxStreams) {

    @Override
    public String toString() {
        return "Node[alias=" + alias + ", region=" + region + ", reportedRegion=" + reportedRegion + ", publicUrl=" + publicUrl
                + ", lastHeartbeat=" + lastHeartbeat + ", secretHash=***, agentToken=***, grantKey=***]";
    }
}
