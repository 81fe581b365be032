package dev.castmesh.controlplane.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.NodeCapacity;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.NodeLoad;
import dev.castmesh.api.cluster.StreamSnapshot;
import dev.castmesh.api.streams.PublisherInfo;
import dev.castmesh.api.streams.StreamInfo;
import dev.castmesh.api.streams.ViewerInfo;
import dev.castmesh.controlplane.testing.FakeAgent;
import dev.castmesh.controlplane.testing.TestControlPlane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./castmesh bench streams}: what Liveman's {@code GET /api/streams/} costs when the sessions are gathered from the
 * agents on demand. {@code AGENTS} fake agents (real HTTP, our agent's JSON) each list {@code STREAMS} streams with
 * {@code VIEWERS} viewers each; the control plane (SQLite) answers the merged list. Prints the median time of a read that
 * asks every agent (the 1 s cache expired), of a cached read, the answer's size, and how many agent calls 100 reads
 * within one second cost.
 *
 * <p>Arguments: {@code [agents=3] [streams=10] [viewers=50] [runs=20]}.
 */
public final class StreamListBench {
    private StreamListBench() {
    }

    public static void main(String[] args) throws Exception {
        int agents = arg(args, 0, 3);
        int streams = arg(args, 1, 10);
        int viewers = arg(args, 2, 50);
        int runs = arg(args, 3, 20);
        ObjectMapper json = new ObjectMapper();
        List<FakeAgent> fakes = new ArrayList<>();
        List<String> beats = new ArrayList<>();
        try (TestControlPlane app = TestControlPlane.start(TestControlPlane.config(
                TestControlPlane.freshUrl(TestControlPlane.Db.SQLITE), 4, Duration.ofSeconds(10)))) {
            for (int a = 0; a < agents; a++) {
                FakeAgent agent = new FakeAgent("agent-" + a, "tok-" + a);
                fakes.add(agent);
                List<StreamSnapshot> snapshots = new ArrayList<>();
                List<StreamInfo> infos = new ArrayList<>();
                for (int s = 0; s < streams; s++) {
                    String name = "cam-" + s;
                    snapshots.add(new StreamSnapshot(name, a == 0, a == 0 ? null : "agent-0", viewers, 1_500_000, viewers * 1_500_000L));
                    List<ViewerInfo> sessions = new ArrayList<>();
                    for (int v = 0; v < viewers; v++) {
                        sessions.add(new ViewerInfo("v" + a + "x" + s + "x" + v + "AbCdEfGhIjKlMnOpQr", "CONNECTED",
                                List.of("VP8/90000 pt=96", "OPUS/48000/2 pt=111"), 1_000_000L * v, 1_500_000));
                    }
                    infos.add(new StreamInfo(name, Instant.parse("2026-11-20T07:00:00Z"), a == 0
                            ? new PublisherInfo("p" + s + "AbCdEfGhIjKlMnOpQr", "CONNECTED", List.of("VP8/90000", "OPUS/48000/2"), 9_000_000, 1_500_000)
                            : null, sessions, 1_500_000, viewers * 1_500_000L));
                }
                agent.streams(infos);
                NodeHeartbeat beat = new NodeHeartbeat(agent.url(), "eu", new NodeCapacity(100_000, 10_000, null),
                        new NodeLoad(0.1, 0, 0, 1), snapshots, "tok-" + a, false, agent.grantKey());
                beats.add(json.writeValueAsString(beat));
            }
            Runnable beatAll = () -> {
                for (int a = 0; a < agents; a++) {
                    app.heartbeat("agent-" + a, beats.get(a));
                }
            };
            beatAll.run();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest list = HttpRequest.newBuilder(URI.create(app.url() + "/api/streams/")).build();
            int size = http.send(list, HttpResponse.BodyHandlers.ofByteArray()).body().length; // warm-up
            for (int i = 0; i < 5; i++) {
                app.clock.advance(Duration.ofSeconds(1));
                beatAll.run();
                http.send(list, HttpResponse.BodyHandlers.discarding());
            }
            long[] cold = new long[runs];
            long[] warm = new long[runs];
            for (int i = 0; i < runs; i++) {
                app.clock.advance(Duration.ofSeconds(1));
                beatAll.run();
                long start = System.nanoTime();
                int bytes = http.send(list, HttpResponse.BodyHandlers.ofByteArray()).body().length;
                cold[i] = System.nanoTime() - start;
                if (bytes != size) {
                    throw new IllegalStateException("the list changed: " + bytes + " bytes instead of " + size);
                }
                start = System.nanoTime();
                http.send(list, HttpResponse.BodyHandlers.discarding());
                warm[i] = System.nanoTime() - start;
            }
            app.clock.advance(Duration.ofSeconds(1));
            beatAll.run();
            long before = calls(fakes);
            for (int i = 0; i < 100; i++) {
                http.send(list, HttpResponse.BodyHandlers.discarding());
            }
            long calls = calls(fakes) - before;
            System.out.printf("streams list: %d agents x %d streams x %d viewers (%d sessions), answer %d KB%n",
                    agents, streams, viewers, agents * streams * (viewers + 1), size / 1024);
            System.out.printf("streams list: asking the agents: median %.1f ms; cached: median %.1f ms; 100 reads in 1 s: %d agent calls%n",
                    median(cold) / 1e6, median(warm) / 1e6, calls);
        } finally {
            fakes.forEach(FakeAgent::close);
        }
    }

    private static long calls(List<FakeAgent> agents) {
        return agents.stream().mapToLong(agent -> agent.streamListRequests().size()).sum();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
