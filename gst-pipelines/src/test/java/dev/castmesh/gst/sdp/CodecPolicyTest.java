package dev.castmesh.gst.sdp;

import dev.castmesh.gst.errors.UnsupportedCodecException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodecPolicyTest {

    private static final String H264_CB = "m=video 9 UDP/TLS/RTP/SAVPF 102\na=mid:v\na=sendonly\n"
            + "a=rtpmap:102 H264/90000\na=fmtp:102 packetization-mode=1;profile-level-id=42e01f";

    @Test
    void publisherGetsOneFormatPerKindInOfferOrder() {
        List<PublisherTrack> tracks = CodecPolicy.planPublisher(
                SdpParser.parse(SdpSamples.resource("chrome-publish-offer.sdp")));
        assertEquals(2, tracks.size());
        assertEquals(MediaKind.AUDIO, tracks.get(0).kind());
        assertEquals(111, tracks.get(0).format().payloadType());
        assertEquals(Codec.VP8, tracks.get(1).codec());
        assertEquals(96, tracks.get(1).format().payloadType());
    }

    @Test
    void publisherH264PrefersConstrainedBaselineWithPacketizationMode1() {
        String offer = SdpSamples.offer("m=video 9 UDP/TLS/RTP/SAVPF 104 100 102\na=mid:v\na=sendonly\n"
                + "a=rtpmap:104 H264/90000\na=fmtp:104 packetization-mode=0;profile-level-id=42e01f\n"
                + "a=rtpmap:100 H264/90000\na=fmtp:100 packetization-mode=1;profile-level-id=4d001f\n"
                + "a=rtpmap:102 H264/90000\na=fmtp:102 packetization-mode=1;profile-level-id=42e01f");
        PublisherTrack track = CodecPolicy.planPublisher(SdpParser.parse(offer)).get(0);
        assertEquals(102, track.format().payloadType());
    }

    @Test
    void publisherWithoutForwardableCodecIsRefusedWithTheList() {
        String offer = SdpSamples.offer("m=video 9 UDP/TLS/RTP/SAVPF 98 104\na=mid:v\na=sendonly\n"
                + "a=rtpmap:98 VP9/90000\na=rtpmap:104 H264/90000\na=fmtp:104 packetization-mode=0;profile-level-id=42e01f",
                "m=audio 9 UDP/TLS/RTP/SAVPF 0\na=mid:a\na=sendonly\na=rtpmap:0 PCMU/8000");
        UnsupportedCodecException e = assertThrows(UnsupportedCodecException.class,
                () -> CodecPolicy.planPublisher(SdpParser.parse(offer)));
        assertTrue(e.getMessage().contains("VP8/90000"), e.getMessage());
        assertTrue(e.getMessage().contains("H264/90000"), e.getMessage());
        assertTrue(e.getMessage().contains("OPUS/48000/2"), e.getMessage());
        assertEquals("unsupported_codec", e.code());
    }

    @Test
    void recvonlyPublisherSectionsAreNotTracks() {
        String offer = SdpSamples.offer(H264_CB.replace("sendonly", "recvonly"));
        assertThrows(UnsupportedCodecException.class, () -> CodecPolicy.planPublisher(SdpParser.parse(offer)));
    }

    @Test
    void viewerMatchesByCodecAndKeepsItsOwnPayloadType() {
        List<PublisherTrack> pub = CodecPolicy.planPublisher(SdpParser.parse(SdpSamples.offer(H264_CB)));
        String viewer = SdpSamples.offer("m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=recvonly\na=rtpmap:111 opus/48000/2",
                "m=video 9 UDP/TLS/RTP/SAVPF 96 120 102\na=mid:1\na=recvonly\na=rtpmap:96 VP8/90000\n"
                        + "a=rtpmap:120 H264/90000\na=fmtp:120 packetization-mode=1;profile-level-id=42001f\n"
                        + "a=rtpmap:102 H264/90000\na=fmtp:102 packetization-mode=1;profile-level-id=42e01f");
        List<ViewerTrack> tracks = CodecPolicy.planViewer("s", pub, SdpParser.parse(viewer));
        assertEquals(1, tracks.size());
        ViewerTrack video = tracks.get(0);
        assertEquals(1, video.mline());
        assertEquals(120, video.viewerFormat().payloadType());
        assertFalse(video.direct());
    }

    @Test
    void viewerThatCannotDecodeThePublishedProfileIsRefused() {
        List<PublisherTrack> pub = CodecPolicy.planPublisher(SdpParser.parse(SdpSamples.offer(
                H264_CB.replace("42e01f", "4d001f"))));
        String viewer = SdpSamples.offer("m=video 9 UDP/TLS/RTP/SAVPF 102\na=mid:1\na=recvonly\n"
                + "a=rtpmap:102 H264/90000\na=fmtp:102 packetization-mode=1;profile-level-id=42e01f");
        UnsupportedCodecException e = assertThrows(UnsupportedCodecException.class,
                () -> CodecPolicy.planViewer("live/a", pub, SdpParser.parse(viewer)));
        assertTrue(e.getMessage().contains("live/a"), e.getMessage());
        assertTrue(e.getMessage().contains("H264/90000 (main)"), e.getMessage());
    }

    @Test
    void samePayloadTypeIsDirect() {
        List<PublisherTrack> pub = CodecPolicy.planPublisher(SdpParser.parse(SdpSamples.offer(H264_CB)));
        String viewer = SdpSamples.offer(H264_CB.replace("sendonly", "recvonly"));
        assertTrue(CodecPolicy.planViewer("s", pub, SdpParser.parse(viewer)).get(0).direct());
    }
}
