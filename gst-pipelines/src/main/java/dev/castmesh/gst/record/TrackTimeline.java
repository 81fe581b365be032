package dev.castmesh.gst.record;

import java.time.Duration;
import java.util.List;

/**
 * One track of one period of a manifest: a DASH AdaptationSet with one Representation and a
 * SegmentTemplate with a SegmentTimeline. Pure.
 *
 * @param contentType {@code video} or {@code audio}; also the track's sub-directory
 * @param presentationTimeOffset media time (in {@code timescale}) shown at the start of the period
 * @param initialization init segment path relative to the manifest, e.g. {@code video/init-p0.mp4}
 * @param media media segment template relative to the manifest, e.g. {@code video/seg-$Number$.m4s}
 * @param startNumber number of the first segment of this period
 * @param bandwidthBps average bitrate of the segments, bit/s
 * @param segments start time and duration of each segment, in {@code timescale}
 */
record TrackTimeline(String contentType, String mimeType, String codecs, long timescale, long presentationTimeOffset,
                     String initialization, String media, long startNumber, int width, int height, int sampleRate,
                     int channels, long bandwidthBps, List<Entry> segments) {

    /** One {@code <S t d>}. */
    record Entry(long t, long d) {
        long end() {
            return t + d;
        }
    }

    TrackTimeline {
        segments = List.copyOf(segments);
    }

    /** Time from the period's start to the end of the last segment. */
    Duration end() {
        if (segments.isEmpty()) {
            return Duration.ZERO;
        }
        long ticks = segments.get(segments.size() - 1).end() - presentationTimeOffset;
        return Duration.ofNanos(Math.max(0, ticks) * 1_000_000_000L / timescale);
    }

    boolean isVideo() {
        return contentType.equals("video");
    }
}
