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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node registry: the one writer of the {@code nodes} table. The table, not this object, is the state: every
 * control-plane instance on the same database sees every heartbeat. Readers get immutable {@link NodeState}s
 * computed against the injected clock.
 */
@Singleton
public class NodeRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);

    private final NodeRepository repository;
    private final ClusterConfig config;
    private final NodeLiveness liveness;
    private final Clock clock;
    private final String clusterSecretHash;
    private final ObjectWriter loadWriter;
    private final ObjectWriter streamsWriter;
    private final ObjectReader loadReader;
    private final ObjectReader streamsReader;
    private final AtomicLong changes = new AtomicLong();

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
     * Decides from the bearer secret alone, before the body is read, what a heartbeat for {@code alias} may do: its
     * own secret (the credential its enrolment returned, or one set through the API) records it; the cluster secret
     * enrols an alias that is not registered ({@code [cluster] auto_register}), or a node registered before enrolment
     * existed whose stored secret is still the cluster secret, and for an enrolled node it may only enrol it again
     * with the grant key it enrolled with ({@link Admission.Kind#REENROL}, checked with the body); anything else is
     * rejected. The cluster secret alone never passes for an enrolled node, and a changed cluster secret does not
     * concern enrolled nodes.
     */
    public Admission admit(String alias, String secret) {
        if (secret == null || secret.isEmpty()) {
            return new Admission(alias, Admission.Kind.REJECTED);
        }
        boolean clusterSecret = clusterSecretHash != null && SecretHash.matches(clusterSecretHash, secret);
        Optional<String> stored = repository.findSecretHash(alias);
        if (stored.isPresent()) {
            if (SecretHash.matches(stored.get(), secret)) {
                return new Admission(alias, clusterSecret ? Admission.Kind.ENROL : Admission.Kind.NODE);
            }
            return new Admission(alias, clusterSecret ? Admission.Kind.REENROL : Admission.Kind.REJECTED);
        }
        return new Admission(alias, clusterSecret && config.autoRegister() ? Admission.Kind.ENROL : Admission.Kind.REJECTED);
    }

    /** {@link #admit} then {@link #heartbeat(Admission, NodeHeartbeat)}. */
    public HeartbeatOutcome heartbeat(String alias, String secret, NodeHeartbeat beat) {
        return heartbeat(admit(alias, secret), beat);
    }

    /**
     * Records a heartbeat the secret admitted. Enrolment stores a new credential's hash in place of the cluster
     * secret's and answers the credential once. A node deleted, or enrolled by a concurrent request, since
     * {@link #admit} is rejected: nothing is written.
     *
     * @param beat a validated heartbeat ({@link HeartbeatCheck})
     */
    public HeartbeatOutcome heartbeat(Admission admission, NodeHeartbeat beat) {
        String alias = admission.alias();
        if (admission.rejected()) {
            return HeartbeatOutcome.rejected();
        }
        Instant now = now();
        String load = json(loadWriter, beat.load());
        String streams = json(streamsWriter, beat.streams());
        if (admission.kind() == Admission.Kind.NODE) {
            boolean changed = write(alias, beat, now, load, streams);
            return changed ? HeartbeatOutcome.updated() : HeartbeatOutcome.rejected(); // deleted meanwhile
        }
        String credential = NodeCredential.generate();
        String hash = SecretHash.of(credential);
        if (admission.kind() == Admission.Kind.REENROL) {
            boolean again = beat.grantKey() != null && repository.reenrol(alias, beat.grantKey(), hash, now) == 1
                    && write(alias, beat, now, load, streams);
            if (!again) {
                return HeartbeatOutcome.rejected();
            }
            changes.incrementAndGet();
            LOG.atInfo().addKeyValue("node", alias).log("node enrolled again (same grant key; the old credential is void)");
            return new HeartbeatOutcome(HeartbeatOutcome.Result.ENROLLED, credential);
        }
        boolean enrolled = repository.register(alias, beat.region(), beat.publicUrl(), hash, beat.agentToken(), now,
                beat.capacity().maxViewers(), beat.capacity().eachStreamMaxSub(), beat.capacity().maxStreams(), load,
                streams, beat.autopush(), beat.grantKey()) == 1;
        if (!enrolled) {
            // Registered before enrolment existed (its secret is the cluster secret's hash): the same swap, once.
            enrolled = repository.replaceSecret(alias, clusterSecretHash, hash, now) == 1
                    && write(alias, beat, now, load, streams);
        }
        if (!enrolled) {
            return HeartbeatOutcome.rejected(); // enrolled by a concurrent request: its credential won
        }
        changes.incrementAndGet();
        LOG.atInfo().addKeyValue("node", alias).addKeyValue("region", beat.region())
                .addKeyValue("url", beat.publicUrl()).log("node enrolled");
        return new HeartbeatOutcome(HeartbeatOutcome.Result.ENROLLED, credential);
    }

    /**
     * How many nodes this instance has enrolled, created, updated or deleted: a cache of {@link #publicUrls()} is
     * stale when it changes (another instance's changes show after the cache's own lifetime).
     */
    public long changes() {
        return changes.get();
    }

    /** The public URLs of every node that has sent one. */
    public List<String> publicUrls() {
        return repository.findPublicUrls();
    }

    /** @throws NodeExistsException if the alias is taken */
    public NodeState create(String alias, String secret, String region) {
        if (repository.create(alias, emptyToNull(region), SecretHash.of(secret), now()) == 0) {
            throw new NodeExistsException(alias);
        }
        changes.incrementAndGet();
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
        changes.incrementAndGet();
        return find(alias).orElseThrow(() -> new NodeNotFoundException(alias));
    }

    /** @throws NodeNotFoundException if there is no such node */
    public void delete(String alias) {
        if (repository.remove(alias) == 0) {
            throw new NodeNotFoundException(alias);
        }
        changes.incrementAndGet();
        LOG.atInfo().addKeyValue("node", alias).log("node deleted");
    }

    public Optional<NodeState> find(String alias) {
        Instant now = clock.instant();
        return repository.findById(alias).map(node -> state(node, now));
    }

    /** The heartbeat write of everything the agent reports. @return false when the node is gone */
    private boolean write(String alias, NodeHeartbeat beat, Instant now, String load, String streams) {
        NodeCapacity capacity = beat.capacity();
        return repository.heartbeat(alias, beat.region(), beat.publicUrl(), beat.agentToken(), now, capacity.maxViewers(),
                capacity.eachStreamMaxSub(), capacity.maxStreams(), load, streams, beat.autopush(), beat.grantKey()) == 1;
    }

    /** Every node, by alias. */
    public List<NodeState> all() {
        Instant now = clock.instant();
        return repository.findAllOrdered().stream().map(node -> state(node, now)).toList();
    }

    private NodeState state(Node node, Instant now) {
        String region = node.region() != null ? node.region() : node.reportedRegion();
        NodeCapacity capacity = node.maxViewers() == null ? null : new NodeCapacity(node.maxViewers(), node.eachStreamMaxSub(),
                node.maxStreams());
        NodeLoad load = node.loadJson() == null ? null : read(loadReader, node.loadJson(), node.alias());
        List<StreamSnapshot> streams = read(streamsReader, node.streamsJson(), node.alias());
        return new NodeState(node.alias(), region, node.publicUrl(), node.agentToken(),
                liveness.online(node.lastHeartbeat(), now), node.lastHeartbeat(), capacity, load,
                streams == null ? List.of() : streams, node.createdAt(), node.updatedAt(), node.autopush(), node.grantKey());
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
