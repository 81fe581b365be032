package dev.castmesh.gst.record;

import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.PublisherTrack;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What a recording needs from the stream it records: the pipeline and the raw RTP tees to branch from,
 * the published tracks, the stream's serial executor (the only thread that changes the pipeline), the
 * engine's pool and timer, and a way to ask the publisher for a key frame.
 *
 * @param owner the stream's serial executor: elements are added and removed only there
 * @param pool runs listener calls (never the owner, never a GStreamer thread)
 * @param keyframeRequest thread-safe; asks for a key frame through the stream's rate limiter
 */
public record RecordingTap(String stream, Bin bin, Function<MediaKind, Element> tees, List<PublisherTrack> tracks,
                           Executor owner, Executor pool, ScheduledExecutorService scheduler, Runnable keyframeRequest) {
    public RecordingTap {
        tracks = List.copyOf(tracks);
    }
}
