package dev.castmesh.gst.client;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.runtime.GstRuntime;
import dev.castmesh.gst.runtime.OwnedPipeline;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.MediaSection;
import dev.castmesh.gst.sdp.RtpCaps;
import dev.castmesh.gst.sdp.SdpParser;
import dev.castmesh.gst.sdp.SessionDescription;
import dev.castmesh.gst.webrtc.IceServers;
import dev.castmesh.gst.webrtc.LossRepair;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import dev.castmesh.gst.webrtc.WebRtcStats;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Structure;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A WHEP viewer: a receive-only webrtcbin offerer that decodes what it gets (counting video frames)
 * or writes it to a file. Dynamic pads are linked inside pad-added (non-blocking) so no packet is
 * ever pushed into an unlinked pad.
 */
public final class WhepClient implements AutoCloseable {
    private static final Duration EOS_WAIT = Duration.ofSeconds(5);

    private final ClientSession session;
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong audioBuffers = new AtomicLong();
    private final List<Object> keep = new CopyOnWriteArrayList<>();
    private final Map<MediaKind, Codec> negotiated = new EnumMap<>(MediaKind.class);
    private volatile FileRecorder recorder;

    private WhepClient(ClientSession session) {
        this.session = session;
    }

    /** @throws HttpStatusException when the server refuses the offer */
    public static WhepClient start(SdpExchange exchange, WhepOptions options) throws IOException, InterruptedException {
        GstRuntime.requireElements("webrtcbin", "decodebin", "rtpvp8depay", "rtph264depay", "rtpopusdepay");
        ClientSession session = new ClientSession(exchange, options.timeout());
        WhepClient client = new WhepClient(session);
        try {
            OwnedPipeline pipeline = OwnedPipeline.create("whep-client", (src, message) -> session.onError(message),
                    session::onEos);
            WebRtcEndpoint endpoint = WebRtcEndpoint.create("webrtc", IceServers.fromUrls(options.iceServers()), LossRepair.DEFAULT,
                    session.executor(), ClientRuntime.scheduler());
            session.attach(pipeline, endpoint);
            pipeline.pipeline().add(endpoint.element());
            if (options.recordTo().isPresent()) {
                client.recorder = FileRecorder.create(pipeline.pipeline(), options.recordTo().get());
            }
            Element.PAD_ADDED onPad = (element, pad) -> client.onPad(pad);
            client.keep.add(onPad);
            endpoint.element().connect(onPad);
            endpoint.addReceiveTransceiver(Caps.fromString(options.videoCodecs().stream()
                    .map(c -> RtpCaps.of(MediaKind.VIDEO, ClientFormats.video(c,
                            c == VideoCodec.VP8 ? options.vp8PayloadType() : options.h264PayloadType())))
                    .collect(Collectors.joining("; "))));
            endpoint.addReceiveTransceiver(Caps.fromString(RtpCaps.of(MediaKind.AUDIO,
                    ClientFormats.opus(options.opusPayloadType()))));
            pipeline.play();
            String answer = session.negotiate();
            client.negotiated.putAll(codecsOf(SdpParser.parse(answer)));
            if (client.recorder != null) {
                client.recorder.expect(client.negotiated);
            }
            return client;
        } catch (IOException | InterruptedException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Video frames decoded (or, when recording, video frames written). */
    public long videoFrames() {
        return videoFrames.get();
    }

    /** Decoded audio buffers (decode mode). */
    public long audioBuffers() {
        return audioBuffers.get();
    }

    /** The codecs the server answered with, e.g. VIDEO → VP8. */
    public Map<MediaKind, Codec> negotiated() {
        return Map.copyOf(negotiated);
    }

    public String state() {
        return session.state();
    }

    public boolean awaitConnected(Duration wait) throws InterruptedException {
        return session.awaitConnected(wait);
    }

    public Optional<String> error() {
        return session.error();
    }

    public WebRtcStats stats() {
        return session.stats();
    }

    /** Finishes the file (EOS) when recording, deletes the server session, stops. Idempotent. */
    @Override
    public void close() {
        FileRecorder r = recorder;
        recorder = null;
        if (r != null) {
            Elements.guard("finish recording", () -> {
                try {
                    r.finish(EOS_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        session.close();
    }

    /** Streaming thread: link the new pad (decodebin or recorder) right here, without blocking. */
    private void onPad(Pad pad) {
        Optional<MediaKind> kind = kindOf(pad);
        if (kind.isEmpty()) {
            return;
        }
        FileRecorder r = recorder;
        if (r != null) {
            Codec codec = codecOf(pad).or(() -> Optional.ofNullable(negotiated.get(kind.get()))).orElse(null);
            if (codec != null) {
                r.link(pad, kind.get(), codec, videoFrames);
            }
            return;
        }
        Element decoder = Elements.make("decodebin", null);
        Element.PAD_ADDED onDecoded = (element, decodedPad) -> onDecodedPad(decodedPad);
        keep.add(decoder);
        keep.add(onDecoded);
        decoder.connect(onDecoded);
        session.pipeline().pipeline().add(decoder);
        decoder.syncStateWithParent();
        Elements.link(pad, decoder.getStaticPad("sink"));
    }

    private void onDecodedPad(Pad decodedPad) {
        Caps caps = decodedPad.getCurrentCaps();
        boolean video = caps != null && !caps.isEmpty() && caps.getStructure(0).getName().startsWith("video/");
        Element sink = Elements.make("fakesink", null);
        sink.set("sync", false);
        sink.set("async", false);
        keep.add(sink);
        AtomicLong counter = video ? videoFrames : audioBuffers;
        Pad.PROBE count = (pad, info) -> {
            counter.incrementAndGet();
            return PadProbeReturn.OK;
        };
        Pad counted = sink.getStaticPad("sink");
        keep.add(count);
        keep.add(counted); // the probe's native callback lives on this Pad wrapper
        counted.addProbe(PadProbeType.BUFFER, count);
        session.pipeline().pipeline().add(sink);
        sink.syncStateWithParent();
        Elements.link(decodedPad, sink.getStaticPad("sink"));
    }

    private static Optional<MediaKind> kindOf(Pad pad) {
        Optional<Structure> s = rtpStructure(pad);
        if (s.isPresent() && s.get().hasField("media")) {
            return MediaKind.fromToken(s.get().getString("media"));
        }
        Object kind = WebRtcEndpoint.transceiver(pad).get("kind");
        return kind instanceof Integer k && k == 2 ? Optional.of(MediaKind.VIDEO)
                : kind instanceof Integer k2 && k2 == 1 ? Optional.of(MediaKind.AUDIO) : Optional.empty();
    }

    private static Optional<Codec> codecOf(Pad pad) {
        return rtpStructure(pad).filter(s -> s.hasField("encoding-name")).flatMap(s -> {
            String name = s.getString("encoding-name");
            for (Codec c : Codec.values()) {
                if (c.encodingName().equalsIgnoreCase(name)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Structure> rtpStructure(Pad pad) {
        Caps caps = pad.getCurrentCaps();
        return caps == null || caps.isEmpty() ? Optional.empty() : Optional.of(caps.getStructure(0));
    }

    private static Map<MediaKind, Codec> codecsOf(SessionDescription answer) {
        Map<MediaKind, Codec> codecs = new EnumMap<>(MediaKind.class);
        for (MediaSection m : answer.media()) {
            if (m.kind().isEmpty() || m.rejected() || !m.direction().sends() || m.formats().isEmpty()) {
                continue;
            }
            m.formats().get(0).codec().ifPresent(c -> codecs.putIfAbsent(m.kind().get(), c));
        }
        return codecs;
    }
}
