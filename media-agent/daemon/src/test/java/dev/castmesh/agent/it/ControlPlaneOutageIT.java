package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 finding 10 on real processes: the control plane (its own JVM, SQLite) is down for 60 s while two agents
 * keep heartbeating; once it answers again, every node is online within 6 s (the old back-off, 4, 8, 16 then 15–30 s,
 * took up to 30 s), because failed heartbeats retry at their interval.
 */
class ControlPlaneOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALIASES = List.of("outage-1", "outage-2");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private String agentToml(int cpPort, String alias) {
        return ControlPlaneProcess.agentCluster(cpPort, alias, ControlPlaneProcess.CLUSTER_SECRET)
                + "identity_file = \"" + dir.resolve(alias + "-identity.json") + "\"\n";
    }

    private boolean allOnline(ControlPlaneProcess cp) {
        try {
            HttpResponse<String> nodes = http.send(HttpRequest.newBuilder(URI.create(cp.url + "/api/nodes"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            int online = 0;
            for (JsonNode node : JSON.readTree(nodes.body())) {
                online += ALIASES.contains(node.get("alias").asText()) && node.get("online").asBoolean() ? 1 : 0;
            }
            return online == ALIASES.size();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void everyNodeIsOnlineWithinSixSecondsOfTheControlPlaneComingBack() throws Exception {
        int port = ControlPlaneProcess.freePort();
        ControlPlaneProcess cp = ControlPlaneProcess.start(port, dir);
        try (TestAgent one = TestAgent.start(agentToml(port, ALIASES.get(0)));
             TestAgent two = TestAgent.start(agentToml(port, ALIASES.get(1)))) {
            Waits.until(() -> allOnline(cp), Duration.ofSeconds(30), "both agents online");
            cp.close();
            Thread.sleep(60_000);
            ControlPlaneProcess back = ControlPlaneProcess.start(port, dir);
            try {
                long up = System.nanoTime();
                Waits.until(() -> allOnline(back), Duration.ofSeconds(30), "both agents online again");
                long ms = (System.nanoTime() - up) / 1_000_000;
                System.out.println("ControlPlaneOutageIT: every node online " + ms + " ms after the control plane answered"
                        + " /health again (down 60 s)");
                assertTrue(ms <= 6_000, "online again after " + ms + " ms");
            } finally {
                back.close();
            }
        } finally {
            cp.close();
        }
    }
}
