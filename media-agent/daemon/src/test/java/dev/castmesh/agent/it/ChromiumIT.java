package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castmesh.gst.client.WhepClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless Chromium (fake camera) publishes VP8 through WHIP; the project's WHEP client decodes ≥ 90 % of what Chromium sent. */
class ChromiumIT {
    private record Sample(long framesSent, long framesDecoded, long atNanos) {
    }

    @Test
    void playClientDecodesWhatChromiumSends() throws Exception {
        try (TestAgent agent = TestAgent.start("");
             Peer chromium = Peer.start("chromium-publish.mjs", agent.url + "/whip/chrome", "--duration", "30", "--codec", "VP8")) {
            assertTrue(chromium.await("connected", Duration.ofSeconds(30)).isPresent(), "Chromium connected");
            try (WhepClient viewer = agent.play("chrome")) {
                Waits.until(() -> viewer.videoFrames() > 0, Duration.ofSeconds(10), "first decoded frame");
                Thread.sleep(1000);
                /*
                 * Window alignment: Chromium reports its cumulative framesSent about once a second (getStats in
                 * the page, one JSON line to us). The moment a line arrives we read the viewer's decoded-frame
                 * counter, so both counters are sampled at (nearly) the same instant, and the window is the span
                 * between two such samples ~10 s apart. Frames in flight (sent, not yet decoded: the forwarding and
                 * decode delay, tens of ms, plus the few ms between getStats and our read) shift both ends of
                 * the window by the same amount, so they cancel out except for jitter of a frame or two, well
                 * under 1 % of ~10 s of video.
                 */
                List<Sample> samples = new CopyOnWriteArrayList<>();
                chromium.onEvent(e -> {
                    if ("progress".equals(e.path("event").asText()) && e.path("video").has("frames_sent")) {
                        samples.add(new Sample(e.path("video").path("frames_sent").asLong(), viewer.videoFrames(), System.nanoTime()));
                    }
                });
                Waits.until(() -> samples.size() >= 2
                        && samples.get(samples.size() - 1).atNanos - samples.get(0).atNanos >= 10_000_000_000L,
                        Duration.ofSeconds(20), "10 s of Chromium stats");
                Sample first = samples.get(0);
                Sample last = samples.get(samples.size() - 1);
                long sent = last.framesSent - first.framesSent;
                long decoded = last.framesDecoded - first.framesDecoded;
                double seconds = (last.atNanos - first.atNanos) / 1e9;
                System.out.printf("Chromium sent %d frames in %.1f s, the play client decoded %d (%.1f %%)%n",
                        sent, seconds, decoded, 100.0 * decoded / sent);
                assertTrue(sent > 100, "Chromium sent " + sent + " frames");
                assertTrue(decoded >= 0.9 * sent, "decoded " + decoded + " of " + sent);
            }
        }
    }
}
