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

/**
 * Cloudflare Realtime TURN credentials: {@code POST {api_base}/turn/keys/{key_id}/credentials/generate-ice-servers}
 * with {@code Authorization: Bearer <api_token>} and {@code {"ttl": seconds}}, answered (201) with
 * {@code {"iceServers": [{"urls": [...], "username": "...", "credential": "..."}, ...]}}
 * (developers.cloudflare.com/realtime/turn/generate-credentials).
 *
 * <p>One answer is shared by all requests until 90% of its ttl has passed. A failed call (network, status,
 * shape) answers no servers, logs one warning without the token, and is retried at the next request after
 * {@value #RETRY_AFTER_SECONDS} s, so a Cloudflare outage costs each WHIP/WHEP request nothing. The cache is owned
 * by this object; {@link #servers()} is synchronized, so at most one call runs at a time.
 */
public final class CloudflareIce {
    static final long RETRY_AFTER_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(CloudflareIce.class);

    private final ExtraIceConfig.Cloudflare config;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private List<IceServer> cached = List.of();
    private Instant refreshAt = Instant.MIN;

    public CloudflareIce(ExtraIceConfig.Cloudflare config, HttpClient http, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
    }

    public synchronized List<IceServer> servers() {
        Instant now = clock.instant();
        if (now.isBefore(refreshAt)) {
            return cached;
        }
        try {
            cached = fetch();
            refreshAt = now.plus(config.ttl().multipliedBy(9).dividedBy(10));
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().addKeyValue("keyId", config.keyId()).log("Cloudflare TURN credentials unavailable, answering without them: {}",
                    e.getMessage());
            cached = List.of();
            refreshAt = now.plusSeconds(RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        return cached;
    }

    private List<IceServer> fetch() throws IOException, InterruptedException {
        URI uri = URI.create(config.apiBase() + "/turn/keys/" + config.keyId() + "/credentials/generate-ice-servers");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + config.apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ttl\":" + config.ttl().toSeconds() + "}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri.getHost());
        }
        JsonNode servers = mapper.readTree(response.body()).path("iceServers");
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
