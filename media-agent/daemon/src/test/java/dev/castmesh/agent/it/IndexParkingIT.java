package dev.castmesh.agent.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 13: index outbox rows the control plane refuses do not block the rest. A real control plane
 * process and a real agent whose outbox holds, in send order, an unreadable row, a row the control plane refuses
 * (month 13: 400) and two good rows: the good rows reach the index, the two others are parked with their reason
 * and counted in {@code castmesh_agent_recording_index_parked}.
 */
class IndexParkingIT {
    private static final String ADMIN_TOKEN = "it-admin-token-for-parking";

    @TempDir
    Path dir;

    @Test
    void refusedRowsAreParkedWithTheirReasonAndTheOthersArrive() throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("spool/.index-outbox"));
        Files.writeString(outbox.resolve("2026-11-29_junk.json"), "{not json");
        Files.writeString(outbox.resolve("2026-11-30_bad.json"),
                "{\"stream\":\"bad\",\"year\":2026,\"month\":13,\"day\":30,\"mpd_path\":\"bad/2026/13/30/manifest.mpd\"}");
        for (String good : new String[] {"good1", "good2"}) {
            Files.writeString(outbox.resolve("2026-12-01_" + good + ".json"), "{\"stream\":\"" + good
                    + "\",\"year\":2026,\"month\":12,\"day\":1,\"mpd_path\":\"" + good + "/2026/12/01/manifest.mpd\"}");
        }
        int cpPort = ControlPlaneProcess.freePort();
        String toml = RecordApiIT.recorderToml(dir.resolve("spool"), "") + """
                [recorder.storage]
                type = "fs"
                root = "%s"
                [cluster]
                control_plane = "http://127.0.0.1:%d"
                alias = "parking-agent"
                secret = "%s"
                token = "%s"
                """.formatted(dir.resolve("store"), cpPort, ControlPlaneProcess.CLUSTER_SECRET, ADMIN_TOKEN);
        Path cpDir = Files.createDirectories(dir.resolve("cp"));
        try (ControlPlaneProcess cp = ControlPlaneProcess.start(cpPort, cpDir, "[auth]\ntokens = [\"" + ADMIN_TOKEN + "\"]\n");
             TestAgent agent = TestAgent.start(toml)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String good : new String[] {"good1", "good2"}) {
                HttpRequest list = HttpRequest.newBuilder(URI.create(cp.url + "/api/playback/" + good))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
                Waits.until(() -> {
                    try {
                        return http.send(list, HttpResponse.BodyHandlers.ofString()).body().contains("\"mpd_path\":\""
                                + good + "/2026/12/01/manifest.mpd\"");
                    } catch (Exception e) {
                        return false;
                    }
                }, Duration.ofSeconds(20), "row " + good + " in the control plane's index");
            }
            Waits.until(() -> outbox.toFile().list((d, n) -> n.endsWith(".json")).length == 0, Duration.ofSeconds(5),
                    "an empty outbox");
            Path parked = outbox.resolve("parked");
            String badReason = Files.readString(parked.resolve("2026-11-30_bad.json.reason"));
            System.out.println("parked bad row: " + badReason.strip());
            System.out.println("parked junk row: " + Files.readString(parked.resolve("2026-11-29_junk.json.reason")).strip());
            assertTrue(badReason.startsWith("HTTP 400 ") && badReason.contains("month must be between 1 and 12"), badReason);
            assertTrue(Files.readString(parked.resolve("2026-11-29_junk.json.reason")).startsWith("unreadable row"));
            assertTrue(Files.exists(parked.resolve("2026-11-30_bad.json")), "the row itself is kept");
            String metrics = agent.send(agent.request("/metrics")).body();
            assertTrue(metrics.contains("castmesh_agent_recording_index_parked 2.0"), metrics);
            assertTrue(metrics.contains("castmesh_agent_recording_index_pending 0.0"), metrics);
        }
    }
}
