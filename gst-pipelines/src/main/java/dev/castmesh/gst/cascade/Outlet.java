package dev.castmesh.gst.cascade;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.RtpCaps;
import dev.castmesh.gst.sdp.RtpFormat;
import dev.castmesh.gst.webrtc.WebRtcEndpoint;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.event.Event;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The part of a bridge that outlives its sources, one per media kind: funnel → payloader (fixed payload type
 * and SSRC) → leaky queue → the outgoing webrtcbin. Every source's depayloader feeds a funnel input, so the
 * outgoing RTP stream keeps its SSRC, sequence numbers and timestamps when the source changes.
 */
final class Outlet {
    static final int VP8_PT = 96;
    static final int H264_PT = 102;
    static final int OPUS_PT = 111;
    private static final List<String> VIDEO_FEEDBACK = List.of("nack", "nack pli", "ccm fir");
    private static final String FORCE_KEY_UNIT = "GstForceKeyUnit";

    private final MediaKind kind;
    private final Codec codec;
    private final Element funnel;
    private final Pad sendPad;
    // the probe's native callback lives on the Pad wrapper: hold both
    private final Pad probed;
    private final Pad.EVENT_PROBE keyframeProbe;

    private Outlet(MediaKind kind, Codec codec, Element funnel, Pad sendPad, Pad probed, Pad.EVENT_PROBE keyframeProbe) {
        this.kind = kind;
        this.codec = codec;
        this.funnel = funnel;
        this.sendPad = sendPad;
        this.probed = probed;
        this.keyframeProbe = keyframeProbe;
    }

    /**
     * Adds and links the chain in a playing bin. May run on a streaming thread (it does not block).
     *
     * @param keyframeRequested called (on a streaming thread) when the receiving side asks for a key frame
     */
    static Outlet build(Bin bin, WebRtcEndpoint downstream, MediaKind kind, Codec codec, String name,
                        Runnable keyframeRequested) {
        Element funnel = Elements.make("funnel", name + "-funnel");
        Element pay = Elements.make(codec.payloader(), name + "-pay");
        int pt = payloadType(codec);
        pay.set("pt", pt);
        pay.set("ssrc", (int) ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL));
        pay.set("mtu", 1200);
        switch (codec) {
            case VP8 -> pay.setAsString("picture-id-mode", "15-bit");
            case H264 -> {
                pay.set("config-interval", -1);
                pay.setAsString("aggregate-mode", "zero-latency");
            }
            default -> { }
        }
        Element queue = Elements.leakyQueue(name + "-queue");
        Pad sendPad = downstream.requestSendPad(Caps.fromString(RtpCaps.forSending(kind, format(codec))));
        WebRtcEndpoint.setDirection(sendPad, WebRtcEndpoint.DIRECTION_SENDONLY);
        for (Element e : List.of(queue, pay, funnel)) {
            Elements.addLive(bin, e);
        }
        Elements.link(queue.getStaticPad("src"), sendPad);
        if (!Element.linkMany(funnel, pay, queue)) {
            throw new IllegalStateException("cannot link the cascade outlet " + name);
        }
        Pad paySrc = pay.getStaticPad("src");
        Pad.EVENT_PROBE probe = (pad, event) -> {
            if (isForceKeyUnit(event)) {
                keyframeRequested.run();
                return PadProbeReturn.DROP;
            }
            return PadProbeReturn.OK;
        };
        paySrc.addEventProbe(probe);
        return new Outlet(kind, codec, funnel, sendPad, paySrc, probe);
    }

    MediaKind kind() {
        return kind;
    }

    Codec codec() {
        return codec;
    }

    Pad sendPad() {
        return sendPad;
    }

    /** A new funnel input for a source's depayloader. */
    Pad requestInput() {
        Pad pad = funnel.getRequestPad("sink_%u");
        if (pad == null) {
            throw new IllegalStateException("funnel refused an input");
        }
        return pad;
    }

    void releaseInput(Pad pad) {
        Elements.guard("release funnel pad", () -> funnel.releaseRequestPad(pad));
    }

    /** The payload type the outgoing side uses for a codec (fixed, so answers never depend on the source's). */
    static int payloadType(Codec codec) {
        return switch (codec) {
            case VP8 -> VP8_PT;
            case H264 -> H264_PT;
            case OPUS -> OPUS_PT;
        };
    }

    /** The formats offered to a source, per kind: VP8, then H.264 constrained baseline and main; Opus. */
    static Map<MediaKind, List<RtpFormat>> sourceFormats() {
        RtpFormat h264Main = new RtpFormat(H264_PT + 2, "H264", 90000, "",
                Map.of("packetization-mode", "1", "level-asymmetry-allowed", "1", "profile-level-id", "4d001f"), VIDEO_FEEDBACK);
        return Map.of(MediaKind.VIDEO, List.of(format(Codec.VP8), format(Codec.H264), h264Main),
                MediaKind.AUDIO, List.of(format(Codec.OPUS)));
    }

    static RtpFormat format(Codec codec) {
        return switch (codec) {
            case VP8 -> new RtpFormat(VP8_PT, "VP8", 90000, "", Map.of(), VIDEO_FEEDBACK);
            case H264 -> new RtpFormat(H264_PT, "H264", 90000, "", Map.of("packetization-mode", "1",
                    "level-asymmetry-allowed", "1", "profile-level-id", "42e01f"), VIDEO_FEEDBACK);
            case OPUS -> new RtpFormat(OPUS_PT, "OPUS", 48000, "2", Map.of("minptime", "10", "useinbandfec", "1"),
                    List.of());
        };
    }

    private static boolean isForceKeyUnit(Event event) {
        Structure s = event.getStructure();
        return s != null && FORCE_KEY_UNIT.equals(s.getName());
    }
}
