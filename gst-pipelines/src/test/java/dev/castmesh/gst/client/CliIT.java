package dev.castmesh.gst.client;

import dev.castmesh.gst.hub.EngineOptions;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.it.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publish and play commands over real HTTP against the engine. */
class CliIT {
    private static final String TOKEN = "cli-token";
    private static MediaEngine engine;
    private static AutoCloseable server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        engine = MediaEngine.start(EngineOptions.defaults());
        server = TestServers.whipWhep(engine, TOKEN);
        base = TestServers.url(server, "");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    @Test
    void publishAndPlayOverHttpThenRefusals() throws Exception {
        Output publishOut = new Output();
        CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(() -> PublishCommand.run(new String[]{
                "publish", base + "/whip/cli", "--codec", "h264", "--token", TOKEN, "--duration", "6"},
                publishOut.stream(), publishOut.stream()));
        waitForStream("cli");

        Output play = new Output();
        int played = PlayCommand.run(new String[]{"play", base + "/whep/cli", "--token", TOKEN, "--duration", "3"},
                play.stream(), play.stream());
        System.out.println(play);
        assertEquals(0, played, play.toString());
        Matcher m = Pattern.compile("played \\d+ s: (\\d+) video frames").matcher(play.toString());
        assertTrue(m.find(), play.toString());
        assertTrue(Integer.parseInt(m.group(1)) >= 45, play.toString());
        assertTrue(play.toString().contains("CONNECTED"), play.toString());

        Output second = new Output();
        assertEquals(1, PublishCommand.run(new String[]{base + "/whip/cli", "--token", TOKEN}, second.stream(),
                second.stream()));
        assertEquals("error: HTTP 409: stream 'cli' already has a publisher", second.toString().strip());

        Output badToken = new Output();
        assertEquals(1, PlayCommand.run(new String[]{base + "/whep/cli", "--token", "wrong"}, badToken.stream(),
                badToken.stream()));
        assertTrue(badToken.toString().startsWith("error: HTTP 401: missing or wrong bearer token"), badToken.toString());

        Output missing = new Output();
        assertEquals(1, PlayCommand.run(new String[]{base + "/whep/nobody", "--token", TOKEN}, missing.stream(),
                missing.stream()));
        assertTrue(missing.toString().contains("HTTP 404: stream 'nobody' has no publisher"), missing.toString());

        assertEquals(0, publishing.get());
        System.out.println(publishOut);
        assertTrue(publishOut.toString().contains("published "), publishOut.toString());
        assertTrue(engine.stream("cli").isEmpty(), "the publisher's DELETE ended the stream");
    }

    @Test
    void unreachableServerIsAOneLineFailure() {
        Output out = new Output();
        assertEquals(3, PlayCommand.run(new String[]{"http://127.0.0.1:9/whep/x"}, out.stream(), out.stream()));
        assertEquals("error: cannot connect to the server", out.toString().strip());
    }

    private static void waitForStream(String stream) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (engine.stream(stream).isEmpty() || engine.stream(stream).get().publisher().bytesReceived() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stream never published");
            }
            Thread.sleep(50);
        }
    }

    /** Collects what a command prints. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        PrintStream stream() {
            return stream;
        }

        @Override
        public String toString() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
