package dev.castmesh.agent.it;

import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Debian's simple-whip-client (Meetecho, on GStreamer) publishes H.264 + Opus; the project's play client decodes it. */
class SimpleWhipClientIT {
    @Test
    void h264FromSimpleWhipClientIsDecoded() throws Exception {
        try (TestAgent agent = TestAgent.start("");
             Peer whipClient = Peer.start("whip-client.mjs", agent.url + "/whip/swc", "--duration", "15")) {
            assertTrue(whipClient.await("connected", Duration.ofSeconds(20)).isPresent(), "whip-client connected");
            try (WhepClient viewer = agent.play("swc")) {
                assertEquals(Codec.H264, viewer.negotiated().get(MediaKind.VIDEO), "negotiated " + viewer.negotiated());
                long frames = Waits.framesDuring(viewer, Duration.ofSeconds(3));
                System.out.println("H.264 frames decoded in 3 s from simple-whip-client: " + frames
                        + ", audio buffers so far: " + viewer.audioBuffers());
                assertTrue(frames >= 45, "frames decoded in 3 s: " + frames);
                assertTrue(viewer.audioBuffers() > 0, "audio decoded");
            }
        }
    }
}
