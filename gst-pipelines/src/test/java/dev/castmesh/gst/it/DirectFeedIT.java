package dev.castmesh.gst.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.ViewerFeed;
import dev.castmesh.gst.runtime.GstRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DIRECT viewer feed (no per-viewer queue; a viewer is linked to the tee once connected): viewers on the
 * direct and the re-payload path decode, a viewer that never completes ICE does not slow a live one, and
 * everything is released at the end.
 */
class DirectFeedIT {
    private static final String TOKEN = "direct-token";
    private static MediaEngine engine;
    private static AutoCloseable server;

    @BeforeAll
    static void start() throws Exception {
        engine = MediaEngine.start(EngineOptions.defaults().withViewerFeed(ViewerFeed.DIRECT));
        server = TestServers.whipWhep(engine, TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    @Test
    void directlyFedViewersDecodeAndAStuckViewerDoesNotSlowThem() throws Exception {
        int pipelinesBefore = GstRuntime.livePipelines();
        try (WhipClient publisher = Media.publish(engine, "direct", VideoCodec.VP8);
             WhepClient a = Media.view(engine, "direct");
             WhepClient b = Media.view(engine, "direct", WhepOptions.decode().withPayloadTypes(100, 120, 109))) {
            long alone = Media.framesDuring(Duration.ofSeconds(2), a, b)[0];
            try (NodePeer stuck = NodePeer.start("werift-play.mjs", TestServers.url(server, "/whep/direct"), "--token",
                    TOKEN, "--no-ice", "--keep-session", "--duration", "30")) {
                stuck.await("answer", Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no answer"));
                Thread.sleep(500);
                assertEquals(3, engine.stream("direct").orElseThrow().viewers().size());
                long[] with = Media.framesDuring(Duration.ofSeconds(3), a, b);
                System.out.println("direct feed: " + alone + " frames in 2 s alone; " + with[0] + " (direct path) and "
                        + with[1] + " (re-payload path) in 3 s next to a stuck viewer");
                assertTrue(with[0] >= 75 && with[1] >= 75, "live viewers' frames in 3 s: " + with[0] + ", " + with[1]);
            }
        }
        Media.await(() -> engine.stream("direct").isEmpty(), Duration.ofSeconds(5), "stream ended");
        assertEquals(pipelinesBefore, GstRuntime.livePipelines());
    }
}
