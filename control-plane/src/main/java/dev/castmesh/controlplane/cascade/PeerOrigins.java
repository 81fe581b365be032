package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.cluster.Origin;
import dev.castmesh.controlplane.node.CascadePeers;
import dev.castmesh.controlplane.node.NodeRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every registered node's origin and the origin of each external {@code [[cascade.pull]]} source whose host is not
 * templated ({@code http://$1/...} cannot be listed, so an agent refuses it). Read from the registry at most once per
 * {@link #TTL}, or again when this instance changed the registry: heartbeats of many agents share one query.
 */
@Singleton
final class PeerOrigins implements CascadePeers {
    static final Duration TTL = Duration.ofSeconds(1);

    private final NodeRegistry registry;
    private final List<String> ruleOrigins;
    private final Clock clock;
    private volatile Cached cached = new Cached(List.of(), Instant.MIN, -1);

    PeerOrigins(NodeRegistry registry, CascadeConfig config, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.ruleOrigins = config.pull().stream().map(PullRule::source).map(PeerOrigins::ruleOrigin)
                .flatMap(Optional::stream).distinct().toList();
    }

    private record Cached(List<String> origins, Instant at, long changes) {
    }

    @Override
    public List<String> origins() {
        Instant now = clock.instant();
        long changes = registry.changes();
        Cached current = cached;
        if (current.changes() == changes && now.isBefore(current.at().plus(TTL)) && !now.isBefore(current.at())) {
            return current.origins();
        }
        TreeSet<String> origins = new TreeSet<>(ruleOrigins);
        registry.publicUrls().forEach(url -> Origin.of(url).ifPresent(origins::add));
        List<String> fresh = List.copyOf(origins);
        cached = new Cached(fresh, now, changes);
        return fresh;
    }

    /** The origin of an external source template, unless its scheme, host or port is templated. */
    static Optional<String> ruleOrigin(String source) {
        int hostStart = source.indexOf("://");
        if (hostStart < 0) {
            return Optional.empty();
        }
        int pathStart = source.indexOf('/', hostStart + 3);
        String origin = pathStart < 0 ? source : source.substring(0, pathStart);
        return origin.contains("$") ? Optional.empty() : Origin.of(origin);
    }
}
