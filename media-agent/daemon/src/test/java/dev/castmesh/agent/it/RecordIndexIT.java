package dev.castmesh.agent.it;

import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static dev.castmesh.agent.it.RecordApiIT.JSON;
import static dev.castmesh.agent.it.RecordApiIT.call;
import static dev.castmesh.agent.it.RecordApiIT.segments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recordings index from the agent's outbox: the control plane is down while a stream is recorded and while the
 * agent restarts; once it is up, the agent's outbox delivers the (stream, day) row with {@code [cluster] token}.
 */
class RecordIndexIT {
    private static final String ADMIN_TOKEN = "it-admin-token-for-recordings";

    @TempDir
    Path dir;

    @Test
    void theRowAppearsOnceTheControlPlaneIsUpAfterAnAgentRestart() throws Exception {
        int cpPort = ControlPlaneProcess.freePort();
        String toml = RecordApiIT.recorderToml(dir.resolve("spool"), "") + """
                [recorder.storage]
                type = "fs"
                root = "%s"
                [cluster]
                control_plane = "http://127.0.0.1:%d"
                alias = "index-agent"
                secret = "%s"
                token = "%s"
                """.formatted(dir.resolve("store"), cpPort, ControlPlaneProcess.CLUSTER_SECRET, ADMIN_TOKEN);
        String mpdPath;
        try (TestAgent agent = TestAgent.start(toml)) {
            WhipClient publisher = agent.publish("indexed", VideoCodec.H264, Optional.empty());
            try {
                HttpResponse<String> started = call(agent, "POST", "/api/record/indexed", null);
                assertEquals(201, started.statusCode(), started.body());
                mpdPath = JSON.readTree(started.body()).path("manifest_path").asText();
                Waits.until(() -> segments(agent, "indexed") >= 2, Duration.ofSeconds(30), "2 segments");
                assertEquals(200, call(agent, "DELETE", "/api/record/indexed", null).statusCode());
            } finally {
                publisher.close();
            }
            Waits.until(() -> outbox().length > 0, Duration.ofSeconds(10), "a row in the outbox");
        }
        try (TestAgent agent = TestAgent.start(toml)) {
            Thread.sleep(2000); // the restarted agent's first attempts fail too
            assertEquals(1, outbox().length, "the row waits in the outbox");
            Path cpDir = Files.createDirectories(dir.resolve("cp"));
            try (ControlPlaneProcess cp = ControlPlaneProcess.start(cpPort, cpDir,
                    "[auth]\ntokens = [\"" + ADMIN_TOKEN + "\"]\n")) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest unauthenticated = HttpRequest.newBuilder(URI.create(cp.url + "/api/playback/indexed")).build();
                assertEquals(401, http.send(unauthenticated, HttpResponse.BodyHandlers.ofString()).statusCode(),
                        "the control plane needs the token");
                HttpRequest list = HttpRequest.newBuilder(URI.create(cp.url + "/api/playback/indexed"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
                String expected = "\"mpd_path\":\"" + mpdPath + "\"";
                Waits.until(() -> {
                    try {
                        return http.send(list, HttpResponse.BodyHandlers.ofString()).body().contains(expected);
                    } catch (Exception e) {
                        return false;
                    }
                }, Duration.ofSeconds(45), "the recordings row on the control plane");
                Waits.until(() -> outbox().length == 0, Duration.ofSeconds(5), "the outbox emptied");
                assertTrue(Files.exists(dir.resolve("store").resolve(mpdPath)), "the manifest is in storage");
            }
        }
    }

    private String[] outbox() {
        String[] names = dir.resolve("spool").resolve(".index-outbox").toFile().list((d, n) -> n.endsWith(".json"));
        return names == null ? new String[0] : names;
    }
}
