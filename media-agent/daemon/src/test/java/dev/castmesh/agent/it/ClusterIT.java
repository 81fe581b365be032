package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real agent with {@code [cluster]} and the real control plane: the agent starts first (the control plane is
 * down) and keeps serving, registers once the control plane is up, a wrong secret is refused, and a stream is
 * published, played (frames decoded) and ended through the control plane.
 */
class ClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @TempDir
    Path dir;

    private static String clusterToml(int cpPort, String alias, String secret) {
        return ControlPlaneProcess.agentCluster(cpPort, alias, secret);
    }

    @Test
    void agentRegistersOnceTheControlPlaneIsUpAndMediaFlowsThroughIt() throws Exception {
        int cpPort = ControlPlaneProcess.freePort();
        try (TestAgent agent = TestAgent.start(clusterToml(cpPort, "it-agent", ControlPlaneProcess.CLUSTER_SECRET))) {
            // Control plane down: the agent answers its own API and says so in /health.
            Waits.until(() -> body(agent.url + "/health").contains("\"UNREACHABLE\""), TIMEOUT, "registration UNREACHABLE in /health");
            assertEquals(200, get(agent.url + "/health").statusCode());
            assertEquals(200, get(agent.url + "/api/streams").statusCode());

            try (ControlPlaneProcess cp = ControlPlaneProcess.start(cpPort, dir)) {
                long up = System.nanoTime();
                Waits.until(() -> node(cp, "it-agent").map(n -> n.get("online").asBoolean()).orElse(false),
                        Duration.ofSeconds(45), "it-agent online in GET /api/nodes");
                System.out.printf("ClusterIT: registered %d ms after the control plane answered /health%n",
                        (System.nanoTime() - up) / 1_000_000);
                JsonNode registered = node(cp, "it-agent").orElseThrow();
                assertEquals("it", registered.get("region").asText());
                assertEquals(agent.url, registered.get("publicUrl").asText());
                assertEquals(500, registered.at("/capacity/maxViewers").asInt());
                Waits.until(() -> body(agent.url + "/health").contains("\"REGISTERED\""), TIMEOUT, "REGISTERED in /health");

                wrongSecretIsRefused(cp, cpPort);
                publishPlayAndDeleteThroughTheControlPlane(cp, agent);
            } catch (AssertionError | RuntimeException e) {
                Path log = dir.resolve("control-plane.log");
                if (Files.exists(log)) {
                    System.out.println("--- control-plane.log ---\n" + Files.readString(log));
                }
                throw e;
            }
        }
    }

    private void wrongSecretIsRefused(ControlPlaneProcess cp, int cpPort) throws Exception {
        try (TestAgent intruder = TestAgent.start(clusterToml(cpPort, "it-intruder", "not-the-cluster-secret-000"))) {
            Waits.until(() -> body(intruder.url + "/health").contains("\"UNAUTHORIZED\""), TIMEOUT, "UNAUTHORIZED in /health");
            assertTrue(node(cp, "it-intruder").isEmpty(), "no node is created for a wrong secret");
            assertFalse(body(intruder.url + "/health").contains("not-the-cluster-secret"), "/health never shows the secret");
        }
    }

    private void publishPlayAndDeleteThroughTheControlPlane(ControlPlaneProcess cp, TestAgent agent) throws Exception {
        HttpSdpExchange whip = new HttpSdpExchange(URI.create(cp.url + "/whip/cam"), Optional.empty(), TIMEOUT);
        try (WhipClient publisher = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 30, 300),
                whip, List.of(), TIMEOUT)) {
            assertTrue(publisher.awaitConnected(TIMEOUT), "publisher connected through the control plane");
            String publisherSession = whip.session().orElseThrow().getPath();
            assertTrue(publisherSession.startsWith("/session/cam/it-agent."), publisherSession);
            // The control plane learns that the agent carries the stream from the next heartbeat.
            Waits.until(() -> streamOnNode(cp, "cam").map(s -> s.get("publisher").asBoolean()).orElse(false),
                    TIMEOUT, "cam with a publisher in it-agent's heartbeat");

            HttpSdpExchange whep = new HttpSdpExchange(URI.create(cp.url + "/whep/cam"), Optional.empty(), TIMEOUT);
            try (WhepClient viewer = WhepClient.start(whep, WhepOptions.decode())) {
                assertTrue(viewer.awaitConnected(TIMEOUT), "viewer connected through the control plane");
                long frames = Waits.framesDuring(viewer, Duration.ofSeconds(3));
                System.out.printf("ClusterIT: %d frames decoded in 3 s through the control plane%n", frames);
                assertTrue(frames >= 30, "frames decoded in 3 s: " + frames);
                Waits.until(() -> streamOnNode(cp, "cam").map(s -> s.get("viewers").asInt() == 1
                        && s.get("bitrateInBps").asLong() > 0).orElse(false), TIMEOUT, "1 viewer and a bitrate in the heartbeat");
                JsonNode load = node(cp, "it-agent").orElseThrow().get("load");
                assertEquals(2, load.get("sessions").asInt(), load.toString());

                URI viewerSession = whep.session().orElseThrow();
                assertTrue(viewerSession.getPath().startsWith("/session/cam/it-agent."), viewerSession.toString());
                int deleted = http.send(HttpRequest.newBuilder(viewerSession).timeout(TIMEOUT).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(2, deleted / 100, "DELETE of the viewer session through the control plane: " + deleted);
                Waits.until(() -> viewerCount(agent) == 0, TIMEOUT, "the viewer gone on the agent");
            }

            int deleted = http.send(HttpRequest.newBuilder(whip.session().orElseThrow()).timeout(TIMEOUT).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(2, deleted / 100, "DELETE of the publisher session through the control plane: " + deleted);
            Waits.until(() -> statusOf(agent.url + "/api/streams/cam") == 404, TIMEOUT, "the stream gone on the agent");
        }
    }

    private int viewerCount(TestAgent agent) {
        try {
            HttpResponse<String> r = get(agent.url + "/api/streams/cam");
            if (r.statusCode() != 200) {
                return -1;
            }
            JsonNode viewers = JSON.readTree(r.body()).get("viewers");
            return viewers == null ? 0 : viewers.size(); // empty lists are left out of the agent's JSON
        } catch (IOException e) {
            return -1;
        }
    }

    private Optional<JsonNode> node(ControlPlaneProcess cp, String alias) {
        try {
            for (JsonNode n : JSON.readTree(body(cp.url + "/api/nodes"))) {
                if (alias.equals(n.get("alias").asText())) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> streamOnNode(ControlPlaneProcess cp, String stream) {
        return node(cp, "it-agent").flatMap(n -> {
            for (JsonNode s : n.get("streams")) {
                if (stream.equals(s.get("stream").asText())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        });
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String body(String url) {
        return get(url).body();
    }

    private int statusOf(String url) {
        return get(url).statusCode();
    }
}
