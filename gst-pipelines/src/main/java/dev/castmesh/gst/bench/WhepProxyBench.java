package dev.castmesh.gst.bench;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.runtime.GstRuntime;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./castmesh bench whep-proxy}: what the control plane adds to a WHEP setup, against the same agent and
 * stream played straight from the agent.
 *
 * <p>Method: one publisher on the agent; the stream is played {@code --setups} times by each path, in pairs (which
 * path goes first alternates), each time a new decoding WHEP client with a new HTTP connection, as a viewer would.
 * Timed: from the POST of the offer to the 201 answer (the client's offer is made before the clock starts), and
 * from the POST to the first decoded frame. The agent's own answer time (webrtcbin, ICE gathering) is in both and
 * varies by several ms, so a second measurement isolates the proxy path: {@code --rejects} pairs of a WHEP POST
 * whose offer the agent refuses at once (400), over one keep-alive connection per path: authentication, the node
 * registry read, placement and the forwarded call, without media work. The figure reported for each is the median
 * of the per-pair differences (through the control plane minus straight). Both servers are fresh JVMs: {@code --warmup}
 * rejected pairs first let their JIT compile the request paths (with 100 instead of 2,000 the added time was several
 * times larger).
 */
public final class WhepProxyBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String USAGE = "WhepProxyBench --control-plane URL --agent URL --alias NODE [--setups N]"
            + " [--rejects N] [--warmup N] [--kbps N] [--stream NAME] [--token T]";
    private static final String BAD_OFFER = "v=0\r\n";

    private WhepProxyBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("control-plane", "");
        defaults.put("agent", "");
        defaults.put("alias", "");
        defaults.put("stream", "bench-whep-proxy");
        defaults.put("setups", "20");
        defaults.put("rejects", "300");
        defaults.put("warmup", "2000");
        defaults.put("kbps", "500");
        defaults.put("token", "-");
        return BenchMain.run(args, out, defaults, a -> {
            a.text("control-plane");
            a.text("agent");
            a.text("alias");
        }, USAGE, "bench whep-proxy", WhepProxyBench::measure);
    }

    private static int measure(BenchArgs a, PrintStream out) throws Exception {
        GstRuntime.ensureStarted();
        String stream = a.text("stream");
        String cp = a.baseUrl("control-plane");
        String agent = a.baseUrl("agent");
        Optional<String> token = a.token();
        URI straight = URI.create(agent + "/whep/" + stream);
        URI proxied = URI.create(cp + "/whep/" + stream + "?nodes=" + a.text("alias"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

        try (BenchPublisher publisher = BenchPublisher.start(URI.create(agent + "/whip/" + stream), token, a.integer("kbps"),
                30, TIMEOUT, null)) {
            FanoutBench.awaitTrue(publisher::connected, TIMEOUT, "publisher connected");
            FanoutBench.awaitTrue(() -> get(http, cp + "/api/streams/" + stream, token) == 200, TIMEOUT,
                    "the control plane listing the stream (next heartbeat)");

            int rejects = a.integer("rejects");
            reject(http, straight, proxied, token, a.integer("warmup")); // both JVMs' JIT, keep-alive connections
            PairedTimings refused = reject(http, straight, proxied, token, rejects);
            print(out, "rejected offer (400 from the agent), one keep-alive connection per path", refused);

            setups(straight, proxied, token, 3); // warm-up
            PairedTimings[] setups = setups(straight, proxied, token, a.integer("setups"));
            print(out, "WHEP setup, POST to 201 answer, new client and connection each", setups[0]);
            print(out, "WHEP setup, POST to first decoded frame", setups[1]);
            out.printf("whep-proxy: added by the control plane: %.2f ms per WHEP setup (POST to answer, median of %d pairs),"
                            + " %.2f ms on the bare proxy path (median of %d pairs). Goal: <= 2 ms%n",
                    ms(setups[0].medianDifference()), setups[0].pairs(), ms(refused.medianDifference()), refused.pairs());
        }
        return 0;
    }

    private static PairedTimings reject(HttpClient http, URI straight, URI proxied, Optional<String> token, int pairs)
            throws Exception {
        PairedTimings timings = new PairedTimings();
        for (int i = 0; i < pairs; i++) {
            long direct;
            long viaControlPlane;
            if (i % 2 == 0) {
                direct = timedReject(http, straight, token);
                viaControlPlane = timedReject(http, proxied, token);
            } else {
                viaControlPlane = timedReject(http, proxied, token);
                direct = timedReject(http, straight, token);
            }
            timings.add(direct, viaControlPlane);
        }
        return timings;
    }

    private static long timedReject(HttpClient http, URI url, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(BAD_OFFER));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 400) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " to a bad offer, expected 400: "
                    + response.body());
        }
        return took;
    }

    /** @return {answer times, first-frame times} */
    private static PairedTimings[] setups(URI straight, URI proxied, Optional<String> token, int pairs) throws Exception {
        PairedTimings answers = new PairedTimings();
        PairedTimings frames = new PairedTimings();
        for (int i = 0; i < pairs; i++) {
            long[] direct;
            long[] viaControlPlane;
            if (i % 2 == 0) {
                direct = setup(straight, token);
                viaControlPlane = setup(proxied, token);
            } else {
                viaControlPlane = setup(proxied, token);
                direct = setup(straight, token);
            }
            answers.add(direct[0], viaControlPlane[0]);
            frames.add(direct[1], viaControlPlane[1]);
        }
        return new PairedTimings[] {answers, frames};
    }

    /** @return {POST to answer, POST to first decoded frame} in nanoseconds */
    private static long[] setup(URI url, Optional<String> token) throws Exception {
        TimedExchange exchange = new TimedExchange(new HttpSdpExchange(url, token, TIMEOUT));
        long firstFrame;
        try (WhepClient viewer = WhepClient.start(exchange, WhepOptions.decode().withVideoCodecs(List.of(VideoCodec.VP8)))) {
            FanoutBench.awaitTrue(() -> viewer.videoFrames() > 0, TIMEOUT, "first decoded frame from " + url);
            firstFrame = System.nanoTime() - exchange.sentAt();
        }
        Thread.sleep(200); // let the agent free the session before the next one
        return new long[] {exchange.answerNanos(), firstFrame};
    }

    private static void print(PrintStream out, String what, PairedTimings t) {
        out.printf("whep-proxy: %s, %d pairs: straight p50 %.2f ms, p90 %.2f ms; through the control plane p50 %.2f ms,"
                        + " p90 %.2f ms; added (median of paired differences) %.2f ms; ratio of p50s %.3f%n", what, t.pairs(),
                ms(t.a(50)), ms(t.a(90)), ms(t.b(50)), ms(t.b(90)), ms(t.medianDifference()), t.ratio());
    }

    private static int get(HttpClient http, String url, Optional<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
