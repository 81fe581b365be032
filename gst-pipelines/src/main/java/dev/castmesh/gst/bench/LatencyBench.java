package dev.castmesh.gst.bench;

import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.runtime.GstRuntime;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./castmesh bench latency}: forwarding delay publisher → agent → viewer, and WHEP time to first
 * decoded frame.
 *
 * <p>Method: publisher and viewer live in this process and share its monotonic clock. A pad probe on the
 * publisher's RTP just before its webrtcbin notes when each packet (RTP timestamp + sequence number) leaves;
 * a pad probe on the viewer's RTP just after its webrtcbin (jitterbuffer latency 0) notes when it arrives.
 * The agent's direct path forwards packets unchanged (same SSRC, sequence numbers and timestamps: the viewer
 * negotiates the publisher's payload type), so packets match one to one. The delay includes both peers'
 * webrtcbin send and receive paths (SRTP, ICE over loopback) and the agent; it is an upper bound of the
 * agent's own share. The first packets after the viewer connects are skipped (they waited in its queue for
 * DTLS).
 */
public final class LatencyBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String USAGE = "LatencyBench --agent http://HOST:PORT [--packets N] [--warmup N] [--joins N]"
            + " [--kbps N] [--stream NAME] [--token T]";

    private LatencyBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("agent", "");
        defaults.put("stream", "bench-latency");
        defaults.put("packets", "2000");
        defaults.put("warmup", "250");
        defaults.put("joins", "10");
        defaults.put("kbps", "1000");
        defaults.put("token", "-");
        return BenchMain.run(args, out, defaults, a -> a.text("agent"), USAGE, "bench latency", LatencyBench::measure);
    }

    private static int measure(BenchArgs a, PrintStream out) throws Exception {
        GstRuntime.ensureStarted();
        String base = a.baseUrl("agent");
        Optional<String> token = a.token();
        URI whip = URI.create(base + "/whip/" + a.text("stream"));
        URI whep = URI.create(base + "/whep/" + a.text("stream"));
        int packets = a.integer("packets");
        int warmup = a.integer("warmup");

        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        AtomicLong received = new AtomicLong();
        AtomicLong unmatched = new AtomicLong();
        Pad.PROBE onSend = (pad, info) -> {
            long key = RtpStamp.of(info.getBuffer());
            if (key != RtpStamp.NONE) {
                sentAt.put(key, System.nanoTime());
            }
            return PadProbeReturn.OK;
        };
        Pad.PROBE onReceive = (pad, info) -> {
            long now = System.nanoTime();
            long key = RtpStamp.of(info.getBuffer());
            Long sent = key == RtpStamp.NONE ? null : sentAt.remove(key);
            if (received.incrementAndGet() > warmup) {
                if (sent == null) {
                    unmatched.incrementAndGet();
                } else {
                    delays.add(now - sent);
                }
            }
            return PadProbeReturn.OK;
        };
        // periodic key frames only every 10 s: a prompt first frame shows the agent's PLI path
        try (BenchPublisher publisher = BenchPublisher.start(whip, token, a.integer("kbps"), 300, TIMEOUT, onSend)) {
            FanoutBench.awaitTrue(publisher::connected, TIMEOUT, "publisher connected");
            Thread.sleep(1000);
            try (BenchViewer viewer = BenchViewer.start(whep, token, TIMEOUT, onReceive)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60L + packets / 50).toNanos();
                while (delays.size() < packets && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            List<Long> sorted;
            synchronized (delays) {
                sorted = new ArrayList<>(delays);
            }
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                out.println("latency: no packet matched (" + unmatched.get() + " unmatched): does the agent rewrite seq/ts?");
                return 1;
            }
            out.printf("forwarding delay publisher -> agent -> viewer over %d packets (%d unmatched, %d warm-up skipped):"
                            + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", sorted.size(), unmatched.get(), warmup,
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                    ms(sorted.get(sorted.size() - 1)));

            List<Long> firstFrames = new ArrayList<>();
            for (int i = 0; i < a.integer("joins"); i++) {
                long t0 = System.nanoTime();
                try (WhepClient c = WhepClient.start(new HttpSdpExchange(whep, token, TIMEOUT),
                        WhepOptions.decode().withVideoCodecs(List.of(VideoCodec.VP8)))) {
                    FanoutBench.awaitTrue(() -> c.videoFrames() > 0, TIMEOUT, "first decoded frame");
                    firstFrames.add(System.nanoTime() - t0);
                }
                Thread.sleep(500);
            }
            Collections.sort(firstFrames);
            out.printf("WHEP time to first decoded frame (offer, POST, ICE, DTLS, PLI, key frame, decode) over %d joins:"
                            + " p50 %.0f ms, min %.0f ms, max %.0f ms%n", firstFrames.size(), ms(percentile(firstFrames, 50)),
                    ms(firstFrames.get(0)), ms(firstFrames.get(firstFrames.size() - 1)));
            out.printf("latency: forwarding p50 %.2f ms, p99 %.2f ms; first frame p50 %.0f ms. Goal: <= 10 ms forwarding%n",
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(percentile(firstFrames, 50)));
        }
        return 0;
    }

    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
