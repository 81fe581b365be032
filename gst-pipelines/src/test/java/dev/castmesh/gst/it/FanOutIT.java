package dev.castmesh.gst.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.StreamSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanOutIT {
    private static MediaEngine engine;

    @BeforeAll
    static void start() {
        engine = MediaEngine.start(EngineOptions.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void vp8PublisherFeedsTwoDecodingViewers() throws Exception {
        try (WhipClient publisher = Media.publish(engine, "vp8", VideoCodec.VP8);
             WhepClient a = Media.view(engine, "vp8");
             WhepClient b = Media.view(engine, "vp8")) {
            long[] frames = Media.framesDuring(Duration.ofSeconds(3), a, b);
            System.out.println("VP8 frames in 3 s: " + Arrays.toString(frames));
            for (long f : frames) {
                assertTrue(f >= 50, "frames decoded in 3 s: " + f);
            }
            StreamSnapshot s = engine.stream("vp8").orElseThrow();
            System.out.println(s);
            assertEquals(2, s.viewers().size());
            assertTrue(s.repayloaders().isEmpty());
        }
    }
}
