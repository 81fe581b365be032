package dev.castmesh.gst.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a {@link WhepClient} receives.
 *
 * @param videoCodecs the video codecs offered, in preference order
 * @param recordTo write the media to this file (.mkv, .webm or .mp4) instead of decoding it
 */
public record WhepOptions(List<VideoCodec> videoCodecs, int vp8PayloadType, int h264PayloadType, int opusPayloadType,
                          Optional<Path> recordTo, List<String> iceServers, Duration timeout) {

    public WhepOptions {
        videoCodecs = List.copyOf(videoCodecs);
        iceServers = List.copyOf(iceServers);
        if (videoCodecs.isEmpty()) {
            throw new IllegalArgumentException("offer at least one video codec");
        }
    }

    /** Decode VP8 or H.264 and Opus, offered with the payload types browsers commonly use. */
    public static WhepOptions decode() {
        return new WhepOptions(List.of(VideoCodec.VP8, VideoCodec.H264), 96, 102, 111, Optional.empty(), List.of(),
                Duration.ofSeconds(10));
    }

    public WhepOptions withPayloadTypes(int vp8, int h264, int opus) {
        return new WhepOptions(videoCodecs, vp8, h264, opus, recordTo, iceServers, timeout);
    }

    public WhepOptions withVideoCodecs(List<VideoCodec> codecs) {
        return new WhepOptions(codecs, vp8PayloadType, h264PayloadType, opusPayloadType, recordTo, iceServers, timeout);
    }

    public WhepOptions withRecording(Path file) {
        return new WhepOptions(videoCodecs, vp8PayloadType, h264PayloadType, opusPayloadType, Optional.of(file),
                iceServers, timeout);
    }

    public WhepOptions withTimeout(Duration newTimeout) {
        return new WhepOptions(videoCodecs, vp8PayloadType, h264PayloadType, opusPayloadType, recordTo, iceServers,
                newTimeout);
    }
}
