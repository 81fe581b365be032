package dev.castmesh.controlplane.signaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.ice.ExtraIceConfig;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.FakeCloudflare;
import dev.castmesh.controlplane.testing.TestControlPlane;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 11 through the real server: with Cloudflare TURN configured and Cloudflare ({@link FakeCloudflare},
 * its real wire format) taking 3 s per call, WHIPs placed at once are answered without waiting for it; once the
 * background fetch is in, answers carry Cloudflare's TURN servers, one Cloudflare call for all of them.
 */
class SlowCloudflareIT {
    @Test
    void signallingNeverWaitsForCloudflare() throws Exception {
        try (FakeCloudflare cf = new FakeCloudflare(); FakeAgent agent = new FakeAgent("cf", "tok-cf")) {
            cf.delayMillis.set(3_000);
            ControlPlaneConfig base = TestControlPlane.config(TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4,
                    Duration.ofSeconds(10));
            ExtraIceConfig ice = new ExtraIceConfig(false, null, null,
                    new ExtraIceConfig.Cloudflare("key-1", "cf-token", Duration.ofSeconds(3600), cf.apiBase()));
            try (TestControlPlane app = TestControlPlane.start(base.withExtraIce(ice))) {
                NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "eu", new NodeCapacity(10, 10, null), new NodeLoad(0, 0, 0, 0),
                        List.of(), "tok-cf");
                assertEquals(201, app.heartbeat("cf", new ObjectMapper().writeValueAsString(beat)).status());
                long worst = 0;
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = app.client().toBlocking().exchange(
                            HttpRequest.POST("/whip/cam" + i, "v=0\r\n").contentType("application/sdp"), String.class);
                    worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
                    assertEquals(201, answer.code());
                }
                System.out.println("Cloudflare answering in 3 s: 5 WHIPs answered in at most " + worst + " ms");
                assertTrue(worst < 1_000, "a WHIP waited " + worst + " ms");

                long until = System.nanoTime() + 10_000_000_000L;
                List<String> links = List.of();
                for (int n = 0; System.nanoTime() < until; n++) {
                    links = app.client().toBlocking().exchange(HttpRequest.POST("/whip/late" + n, "v=0\r\n")
                            .contentType("application/sdp"), String.class).getHeaders().getAll("Link");
                    if (links.stream().anyMatch(l -> l.contains("turn.cloudflare.com"))) {
                        break;
                    }
                    Thread.sleep(300);
                }
                assertTrue(links.stream().anyMatch(l -> l.contains("turn.cloudflare.com")), "Cloudflare's TURN in " + links);
                assertEquals(1, cf.requests.size(), "one Cloudflare call: " + cf.requests);
            }
        }
    }
}
