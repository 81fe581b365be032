package dev.castmesh.agent.it;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 30 viewers POST their offers at the same moment (through HTTP, project WHEP client in this JVM) and all 30
 * decode video. 320x240 at 15 fps keeps 30 decoders plus the agent within 2 cores.
 */
class ManyViewersIT {
    private static final int VIEWERS = 30;

    @Test
    void thirtyConcurrentViewersAllReceiveMedia() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(VIEWERS);
        List<WhepClient> viewers = new ArrayList<>();
        // 30 viewers from one address connecting at once: more than the default budget of viewers still connecting.
        try (TestAgent agent = TestAgent.start("[strategy]\nmax_pending_per_client = 30\n");
             WhipClient publisher = WhipClient.start(PublishSource.test(VideoCodec.VP8).withVideo(320, 240, 15, 200),
                     new HttpSdpExchange(URI.create(agent.url + "/whip/many"), Optional.empty(), TestAgent.TIMEOUT),
                     List.of(), TestAgent.TIMEOUT)) {
            assertTrue(publisher.awaitConnected(TestAgent.TIMEOUT));
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<WhepClient>> joining = new ArrayList<>();
            for (int i = 0; i < VIEWERS; i++) {
                joining.add(pool.submit(() -> {
                    gate.await();
                    return WhepClient.start(new HttpSdpExchange(URI.create(agent.url + "/whep/many"), Optional.empty(),
                            Duration.ofSeconds(30)), WhepOptions.decode().withVideoCodecs(List.of(VideoCodec.VP8))
                            .withTimeout(Duration.ofSeconds(30)));
                }));
            }
            long start = System.nanoTime();
            gate.countDown();
            List<String> failures = new ArrayList<>();
            for (Future<WhepClient> f : joining) {
                try {
                    viewers.add(f.get(60, TimeUnit.SECONDS));
                } catch (Exception e) {
                    failures.add(String.valueOf(e.getCause() != null ? e.getCause() : e));
                }
            }
            long answeredMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(failures.isEmpty(), failures.size() + " viewers failed to join: " + failures);
            Waits.until(() -> viewers.stream().allMatch(v -> v.videoFrames() > 0), Duration.ofSeconds(30),
                    "every viewer's first decoded frame (" + viewers.stream().filter(v -> v.videoFrames() > 0).count() + " so far)");
            long allDecodingMs = (System.nanoTime() - start) / 1_000_000;
            long[] before = viewers.stream().mapToLong(WhepClient::videoFrames).toArray();
            Thread.sleep(2000);
            long min = Long.MAX_VALUE;
            for (int i = 0; i < viewers.size(); i++) {
                min = Math.min(min, viewers.get(i).videoFrames() - before[i]);
            }
            System.out.printf("%d viewers: all answered after %d ms, all decoding after %d ms; fewest frames in 2 s: %d%n",
                    viewers.size(), answeredMs, allDecodingMs, min);
            assertEquals(VIEWERS, agent.context.getBean(dev.castmesh.gst.hub.MediaEngine.class).stream("many").orElseThrow().viewers().size());
            assertTrue(min >= 20, "every viewer keeps decoding (15 fps): fewest frames in 2 s = " + min);
        } finally {
            viewers.forEach(WhepClient::close);
            pool.shutdownNow();
        }
    }
}
