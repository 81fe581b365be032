package dev.castmesh.controlplane.ice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.ice.IceServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cloudflare Realtime TURN credentials: {@code POST {api_base}/turn/keys/{key_id}/credentials/generate-ice-servers}
 * with {@code Authorization: Bearer <api_token>} and {@code {"ttl": seconds}}, answered (201) with
 * {@code {"iceServers": [{"urls": [...], "username": "...", "credential": "..."}, ...]}}
 * (developers.cloudflare.com/realtime/turn/generate-credentials).
 *
 * <p>Stale-while-revalidate: {@link #servers()} never waits for Cloudflare. It answers the last credentials while
 * they are valid and, once 90% of their ttl has passed, starts one background refresh (single flight: concurrent
 * callers share it) and keeps answering the old ones until the new arrive. Credentials past their ttl are never
 * answered. A failed call (network, status, shape, {@value #DEADLINE_SECONDS} s deadline) keeps what is still
 * valid, logs one warning without the token, and is tried again after {@value #RETRY_AFTER_SECONDS} s, so a
 * slow or failing Cloudflare costs a WHIP/WHEP request nothing. {@link #refresh()} (called at start-up) fetches
 * ahead of the first request. The cache is one immutable {@link Entry} swapped atomically.
 */
public final class CloudflareIce {
    static final long RETRY_AFTER_SECONDS = 10;
    static final long DEADLINE_SECONDS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(CloudflareIce.class);

    /** What is answered, until when, and from when on a refresh is due. */
    private record Entry(List<IceServer> servers, Instant expiresAt, Instant refreshAt) {
        static final Entry EMPTY = new Entry(List.of(), Instant.MIN, Instant.MIN);

        List<IceServer> validAt(Instant now) {
            return now.isBefore(expiresAt) ? servers : List.of();
        }
    }

    private final ExtraIceConfig.Cloudflare config;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicReference<Entry> entry = new AtomicReference<>(Entry.EMPTY);
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();

    public CloudflareIce(ExtraIceConfig.Cloudflare config, HttpClient http, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The servers to answer now; starts a background refresh when one is due. Never blocks. */
    public List<IceServer> servers() {
        Instant now = clock.instant();
        Entry current = entry.get();
        if (!now.isBefore(current.refreshAt())) {
            refresh();
        }
        return current.validAt(now);
    }

    /** Starts a refresh unless one is running; completes (never exceptionally) when it is done. */
    public CompletableFuture<Void> refresh() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        fetch().orTimeout(DEADLINE_SECONDS, TimeUnit.SECONDS).whenComplete((servers, error) -> {
            Instant now = clock.instant();
            if (error == null) {
                entry.set(new Entry(servers, now.plus(config.ttl()), now.plus(config.ttl().multipliedBy(9).dividedBy(10))));
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                String why = cause instanceof TimeoutException ? "no answer within " + DEADLINE_SECONDS + " s"
                        : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                LOG.atWarn().addKeyValue("keyId", config.keyId())
                        .log("Cloudflare TURN credentials unavailable, answering without them: {}", why);
                Entry old = entry.get();
                entry.set(new Entry(old.servers(), old.expiresAt(), now.plusSeconds(RETRY_AFTER_SECONDS)));
            }
            inFlight.set(null);
            mine.complete(null);
        });
        return mine;
    }

    /** The refresh running now, or a completed future when none is. */
    CompletableFuture<Void> pending() {
        CompletableFuture<Void> running = inFlight.get();
        return running == null ? CompletableFuture.completedFuture(null) : running;
    }

    private CompletableFuture<List<IceServer>> fetch() {
        URI uri = URI.create(config.apiBase() + "/turn/keys/" + config.keyId() + "/credentials/generate-ice-servers");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + config.apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ttl\":" + config.ttl().toSeconds() + "}"))
                .build();
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                if (response.statusCode() != 200 && response.statusCode() != 201) {
                    throw new CompletionException(new IOException("HTTP " + response.statusCode() + " from " + uri.getHost()));
                }
                try {
                    return parse(response.body());
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<IceServer> parse(String body) throws IOException {
        JsonNode servers = mapper.readTree(body).path("iceServers");
        if (!servers.isArray()) {
            throw new IOException("the answer has no iceServers array");
        }
        List<IceServer> result = new ArrayList<>();
        for (JsonNode server : servers) {
            JsonNode urls = server.path("urls");
            List<String> list = new ArrayList<>();
            if (urls.isTextual()) {
                list.add(urls.asText());
            } else {
                urls.forEach(url -> list.add(url.asText()));
            }
            result.add(new IceServer(list, text(server, "username"), text(server, "credential")));
        }
        return List.copyOf(result);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
