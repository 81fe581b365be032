package dev.castmesh.controlplane.events;

import dev.castmesh.controlplane.http.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/sse/events} (admin): the cluster's events as server-sent events, each with {@code id:} its event id
 * and {@code data:} the {@link ClusterEvent} JSON. A client resumes where it was with {@code Last-Event-ID} (browsers'
 * EventSource sends it on reconnect) or {@code ?since=id}; without either it gets the events from now on
 * ({@code ?since=0}: all kept). The log is read every {@link #POLL}, so events recorded by any control-plane
 * instance on the same database arrive. The stream opens with a comment, so the answer starts at once.
 */
@Controller("/api/sse/events")
final class EventsController {
    static final Duration POLL = Duration.ofMillis(500);

    private final EventLog log;

    EventsController(EventLog log) {
        this.log = log;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> events(@Nullable @Header("Last-Event-ID") String lastEventId,
                                          @Nullable @QueryValue String since) {
        Long start = id("Last-Event-ID", lastEventId);
        Long query = id("since", since);
        Long from = start != null ? start : query;
        return Flux.defer(() -> {
            AtomicLong cursor = new AtomicLong(-1);
            return Flux.interval(Duration.ZERO, POLL)
                    .onBackpressureDrop()
                    .concatMap(tick -> Mono.fromCallable(() -> {
                        if (cursor.get() < 0) {
                            cursor.set(from != null ? from : log.lastId());
                        }
                        List<ClusterEvent> events = log.after(cursor.get());
                        if (!events.isEmpty()) {
                            cursor.set(events.get(events.size() - 1).id());
                        }
                        return events;
                    }).subscribeOn(Schedulers.boundedElastic()), 1)
                    .concatMapIterable(events -> events)
                    .<Event<?>>map(event -> Event.of(event).id(Long.toString(event.id())))
                    // A comment first: the answer's headers go out with the first item, so a client is not left
                    // waiting for them until something happens. EventSource dispatches nothing for it.
                    .startWith(Event.of("").comment("castmesh cluster events"));
        });
    }

    private static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be an event id (a whole number, 0 or more)");
        }
    }
}
