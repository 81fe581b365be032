package dev.castmesh.controlplane.streamview;

import dev.castmesh.api.StreamName;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.controlplane.http.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/sse/streams} (admin): Live777's server-sent events of stream snapshots, for the whole cluster. Every
 * {@link #INTERVAL} one event whose {@code data} is the JSON array {@code GET /api/streams/} answers then (Liveman's
 * {@code Stream[]} with our fields beside), the first at once. {@code ?streams=} (repeatable, Live777's filter) keeps
 * only those streams, {@code ?nodes=} (repeatable) only those nodes. Each snapshot is built off the event loop; the
 * agents' session lists behind it are shared with every other reader for 1 s ({@link AgentStreamDetails}), so many
 * clients cost the agents nothing more.
 */
@Controller("/api/sse/streams")
final class StreamEventsController {
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private final ClusterStreamViews views;

    StreamEventsController(ClusterStreamViews views) {
        this.views = views;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<List<StreamView>>> snapshots(@Nullable @QueryValue("streams") List<String> streams,
                                                 @Nullable @QueryValue("nodes") List<String> nodes) {
        Set<String> onlyStreams = checked(streams, "streams: ", StreamName::validate);
        Set<String> onlyNodes = checked(nodes, "nodes: ", NodeAlias::validate);
        return Flux.interval(Duration.ZERO, INTERVAL)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> snapshot(onlyStreams, onlyNodes))
                        .subscribeOn(Schedulers.boundedElastic()), 1)
                .map(Event::of);
    }

    private List<StreamView> snapshot(Set<String> onlyStreams, Set<String> onlyNodes) {
        return views.list(onlyNodes).stream().filter(view -> onlyStreams.isEmpty() || onlyStreams.contains(view.id())).toList();
    }

    private static Set<String> checked(List<String> values, String prefix, java.util.function.Consumer<String> validation) {
        Set<String> checked = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                BadRequestException.check(prefix, () -> validation.accept(value));
                checked.add(value);
            }
        }
        return checked;
    }
}
