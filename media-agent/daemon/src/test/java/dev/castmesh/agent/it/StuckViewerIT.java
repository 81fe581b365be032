package dev.castmesh.agent.it;

import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A viewer that never completes ICE (werift-play --no-ice: it takes the answer and answers no STUN check)
 * joins next to two live viewers; their decoded frame rate and received byte rate stay at the rate
 * measured without it.
 */
class StuckViewerIT {
    private static final Duration WINDOW = Duration.ofSeconds(3);

    private record Rate(double framesPerSecond, double bytesPerSecond) {
    }

    private static Rate rate(WhepClient viewer) throws InterruptedException {
        long frames = viewer.videoFrames();
        long bytes = viewer.stats().bytesReceived();
        long start = System.nanoTime();
        Thread.sleep(WINDOW.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate((viewer.videoFrames() - frames) / seconds, (viewer.stats().bytesReceived() - bytes) / seconds);
    }

    @Test
    void liveViewersKeepTheirRate() throws Exception {
        // The stuck viewer must outlive the measurement: [strategy] pending_timeout would end it after 9 s.
        try (TestAgent agent = TestAgent.start("[strategy]\npending_timeout = 30\n");
             WhipClient publisher = agent.publish("stuck");
             WhepClient a = agent.play("stuck");
             WhepClient b = agent.play("stuck")) {
            Waits.framesDuring(a, Duration.ofSeconds(1));
            Waits.framesDuring(b, Duration.ofMillis(1));
            Rate beforeA = rate(a);
            Rate beforeB = rate(b);
            try (Peer stuck = Peer.start("werift-play.mjs", agent.url + "/whep/stuck", "--no-ice", "--duration", "30",
                    "--keep-session")) {
                String location = stuck.await("answer", Duration.ofSeconds(15)).orElseThrow(
                        () -> new AssertionError("the stuck viewer got no answer")).path("location").asText();
                // Checked at once: once libnice gives up on the silent peer, the engine rightly reaps it.
                int viewers = agent.context.getBean(dev.castmesh.gst.hub.MediaEngine.class).stream("stuck").orElseThrow().viewers().size();
                assertTrue(viewers == 3, "the stuck viewer is attached: " + viewers);
                Thread.sleep(1000);
                Rate withA = rate(a);
                Rate withB = rate(b);
                System.out.printf("live viewer A: %.1f fps %.0f B/s alone, %.1f fps %.0f B/s with the stuck viewer%n",
                        beforeA.framesPerSecond(), beforeA.bytesPerSecond(), withA.framesPerSecond(), withA.bytesPerSecond());
                System.out.printf("live viewer B: %.1f fps %.0f B/s alone, %.1f fps %.0f B/s with the stuck viewer (%d viewers attached)%n",
                        beforeB.framesPerSecond(), beforeB.bytesPerSecond(), withB.framesPerSecond(), withB.bytesPerSecond(), viewers);
                assertTrue(withA.framesPerSecond() >= 0.9 * beforeA.framesPerSecond(), "A kept its frame rate");
                assertTrue(withB.framesPerSecond() >= 0.9 * beforeB.framesPerSecond(), "B kept its frame rate");
                assertTrue(withA.bytesPerSecond() >= 0.8 * beforeA.bytesPerSecond(), "A kept its byte rate");
                assertTrue(withB.bytesPerSecond() >= 0.8 * beforeB.bytesPerSecond(), "B kept its byte rate");

                // Ending the stuck session must not hold up the stream: its DELETE and then a live viewer's end quickly.
                long start = System.nanoTime();
                int status = agent.send(agent.request(java.net.URI.create(location).getPath()).DELETE()).statusCode();
                long deleteMs = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                a.close();
                long liveCloseMs = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("DELETE of the stuck session: %d in %d ms; closing live viewer A: %d ms%n", status, deleteMs, liveCloseMs);
                assertTrue(status == 200 && deleteMs < 5000, "DELETE of the stuck session: " + status + " after " + deleteMs + " ms");
                assertTrue(liveCloseMs < 5000, "closing a live viewer after the stuck one took " + liveCloseMs + " ms");
            }
        }
    }
}
