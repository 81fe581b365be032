package dev.castmesh.controlplane.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The node registry: the one writer of the {@code nodes} table. The table, not this object, is the state: every
 * control-plane instance on the same database sees every heartbeat. Readers get immutable {@link NodeState}s
 * computed against the injected clock.
 */
@Singleton
public class NodeRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);

    /** What a heartbeat did. */
    public enum HeartbeatResult { UPDATED, REGISTERED, REJECTED }

    private final NodeRepository repository;
    private final ClusterConfig config;
    private final NodeLiveness liveness;
    private final Clock clock;
    private final String clusterSecretHash;
    private final ObjectWriter loadWriter;
    private final ObjectWriter streamsWriter;
    private final ObjectReader loadReader;
    private final ObjectReader streamsReader;

    NodeRegistry(NodeRepository repository, ClusterConfig config, Clock clock, ObjectMapper mapper) {
        this.repository = repository;
        this.config = config;
        this.liveness = new NodeLiveness(config.offlineAfter());
        this.clock = clock;
        this.clusterSecretHash = config.secret() == null ? null : SecretHash.of(config.secret());
        TypeReference<List<StreamSnapshot>> streams = new TypeReference<>() { };
        this.loadWriter = mapper.writerFor(NodeLoad.class);
        this.streamsWriter = mapper.writerFor(streams);
        this.loadReader = mapper.readerFor(NodeLoad.class);
        this.streamsReader = mapper.readerFor(streams);
    }

    /**
     * Records a heartbeat if {@code secret} is the node's secret, or creates the node when it is unknown,
     * {@code [cluster] auto_register} is on and {@code secret} is the cluster secret. Nothing is written otherwise.
     *
     * @param beat a validated heartbeat ({@link HeartbeatCheck})
     */
    public HeartbeatResult heartbeat(String alias, String secret, NodeHeartbeat beat) {
        if (secret == null || secret.isEmpty()) {
            return HeartbeatResult.REJECTED;
        }
        Instant now = now();
        String load = json(loadWriter, beat.load());
        String streams = json(streamsWriter, beat.streams());
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<String> stored = repository.findSecretHash(alias);
            if (stored.isPresent()) {
                if (!SecretHash.matches(stored.get(), secret)) {
                    return HeartbeatResult.REJECTED;
                }
                int changed = repository.heartbeat(alias, beat.region(), beat.publicUrl(), beat.agentToken(), now,
                        beat.capacity().maxViewers(), beat.capacity().eachStreamMaxSub(), load, streams, beat.autopush());
                return changed == 1 ? HeartbeatResult.UPDATED : HeartbeatResult.REJECTED; // deleted meanwhile
            }
            if (!config.autoRegister() || clusterSecretHash == null || !SecretHash.matches(clusterSecretHash, secret)) {
                return HeartbeatResult.REJECTED;
            }
            if (repository.register(alias, beat.region(), beat.publicUrl(), clusterSecretHash, beat.agentToken(), now,
                    beat.capacity().maxViewers(), beat.capacity().eachStreamMaxSub(), load, streams, beat.autopush()) == 1) {
                LOG.atInfo().addKeyValue("node", alias).addKeyValue("region", beat.region())
                        .addKeyValue("url", beat.publicUrl()).log("node auto-registered");
                return HeartbeatResult.REGISTERED;
            }
            // Created by a concurrent request since our read: check against its secret.
        }
        return HeartbeatResult.REJECTED;
    }

    /** @throws NodeExistsException if the alias is taken */
    public NodeState create(String alias, String secret, String region) {
        if (repository.create(alias, emptyToNull(region), SecretHash.of(secret), now()) == 0) {
            throw new NodeExistsException(alias);
        }
        LOG.atInfo().addKeyValue("node", alias).log("node created");
        return find(alias).orElseThrow(() -> new NodeNotFoundException(alias));
    }

    /**
     * Changes what is given (null: unchanged; region "" clears the set region so the reported one applies).
     *
     * @throws NodeNotFoundException if there is no such node
     */
    public NodeState update(String alias, String secret, String region) {
        Instant now = now();
        if (repository.findSecretHash(alias).isEmpty()) {
            throw new NodeNotFoundException(alias);
        }
        if (secret != null) {
            repository.updateSecret(alias, SecretHash.of(secret), now);
        }
        if (region != null) {
            repository.updateRegion(alias, emptyToNull(region), now);
        }
        return find(alias).orElseThrow(() -> new NodeNotFoundException(alias));
    }

    /** @throws NodeNotFoundException if there is no such node */
    public void delete(String alias) {
        if (repository.remove(alias) == 0) {
            throw new NodeNotFoundException(alias);
        }
        LOG.atInfo().addKeyValue("node", alias).log("node deleted");
    }

    public Optional<NodeState> find(String alias) {
        Instant now = clock.instant();
        return repository.findById(alias).map(node -> state(node, now));
    }

    /** Every node, by alias. */
    public List<NodeState> all() {
        Instant now = clock.instant();
        return repository.findAllOrdered().stream().map(node -> state(node, now)).toList();
    }

    private NodeState state(Node node, Instant now) {
        String region = node.region() != null ? node.region() : node.reportedRegion();
        NodeCapacity capacity = node.maxViewers() == null ? null : new NodeCapacity(node.maxViewers(), node.eachStreamMaxSub());
        NodeLoad load = node.loadJson() == null ? null : read(loadReader, node.loadJson(), node.alias());
        List<StreamSnapshot> streams = read(streamsReader, node.streamsJson(), node.alias());
        return new NodeState(node.alias(), region, node.publicUrl(), node.agentToken(),
                liveness.online(node.lastHeartbeat(), now), node.lastHeartbeat(), capacity, load,
                streams == null ? List.of() : streams, node.createdAt(), node.updatedAt(), node.autopush());
    }

    /** Milliseconds: what SQLite keeps, so both databases give back what was written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String json(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write heartbeat JSON", e);
        }
    }

    private static <T> T read(ObjectReader reader, String json, String alias) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot of node '" + alias + "'", e);
        }
    }
}
