package dev.castmesh.gst.client;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link WhipClient} sends: a moving test picture (with a running clock when the overlay
 * plugins are installed) and a tone, or a media file decoded and re-encoded in real time; video in
 * VP8 or H.264 (constrained baseline), audio in Opus.
 *
 * @param file a media file, or empty for the test source
 * @param videoKbps target video bitrate, kbit/s
 * @param keyframeInterval frames between periodic key frames (more come when the server asks)
 */
public record PublishSource(Optional<Path> file, VideoCodec codec, int width, int height, int fps, int videoKbps,
                            int keyframeInterval) {
    public static final int VIDEO_PT = 96;
    public static final int H264_PT = 102;
    public static final int OPUS_PT = 111;

    public PublishSource {
        if (width < 16 || height < 16 || fps < 1 || videoKbps < 10 || keyframeInterval < 1) {
            throw new IllegalArgumentException("invalid video settings");
        }
    }

    public static PublishSource test(VideoCodec codec) {
        return new PublishSource(Optional.empty(), codec, 640, 360, 30, 800, 60);
    }

    public static PublishSource file(Path file, VideoCodec codec) {
        return new PublishSource(Optional.of(file), codec, 640, 360, 30, 800, 60);
    }

    public PublishSource withVideo(int newWidth, int newHeight, int newFps, int newKbps) {
        return new PublishSource(file, codec, newWidth, newHeight, newFps, newKbps, keyframeInterval);
    }

    public PublishSource withKeyframeInterval(int frames) {
        return new PublishSource(file, codec, width, height, fps, videoKbps, frames);
    }

    int videoPayloadType() {
        return codec == VideoCodec.VP8 ? VIDEO_PT : H264_PT;
    }

    /**
     * The gst-launch description of the whole client pipeline; its webrtcbin is named {@code webrtc}.
     *
     * @param overlay an overlay element description ({@code clockoverlay ...}) or empty
     */
    String pipelineDescription(String overlay) {
        String raw = "video/x-raw,format=I420,width=" + width + ",height=" + height + ",framerate=" + fps + "/1";
        String audioRaw = "audioconvert ! audioresample ! audio/x-raw,rate=48000,channels=2";
        String video;
        String audio;
        if (file.isPresent()) {
            String uri = file.get().toAbsolutePath().toUri().toString().replace("\"", "%22");
            video = "uridecodebin uri=\"" + uri + "\" name=src src. ! queue ! videoconvert ! videoscale add-borders=true"
                    + " ! videorate ! " + raw + " ! clocksync";
            audio = "src. ! queue ! " + audioRaw + " ! clocksync";
        } else {
            video = "videotestsrc is-live=true pattern=ball ! video/x-raw,width=" + width + ",height=" + height
                    + ",framerate=" + fps + "/1" + (overlay.isEmpty() ? "" : " ! " + overlay) + " ! videoconvert ! " + raw;
            audio = "audiotestsrc is-live=true wave=sine freq=440 volume=0.2 ! " + audioRaw;
        }
        return "webrtcbin name=webrtc "
                + video + " ! " + encoder() + " ! queue ! webrtc. "
                + audio + " ! opusenc bitrate=64000 ! rtpopuspay pt=" + OPUS_PT
                + " ! application/x-rtp,media=audio,encoding-name=OPUS,payload=" + OPUS_PT + ",clock-rate=48000"
                + " ! queue ! webrtc.";
    }

    private String encoder() {
        int pt = videoPayloadType();
        if (codec == VideoCodec.VP8) {
            return "vp8enc deadline=1 cpu-used=8 target-bitrate=" + videoKbps * 1000 + " keyframe-max-dist=" + keyframeInterval
                    + " ! rtpvp8pay pt=" + pt + " picture-id-mode=15-bit mtu=1200"
                    + " ! application/x-rtp,media=video,encoding-name=VP8,payload=" + pt + ",clock-rate=90000";
        }
        return "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=" + fps * 2 + " bitrate=" + videoKbps
                + " ! video/x-h264,profile=constrained-baseline ! rtph264pay pt=" + pt
                + " config-interval=-1 aggregate-mode=zero-latency mtu=1200"
                + " ! application/x-rtp,media=video,encoding-name=H264,payload=" + pt + ",clock-rate=90000";
    }
}
