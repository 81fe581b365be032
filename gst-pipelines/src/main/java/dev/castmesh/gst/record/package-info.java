/**
 * DASH recording of live streams on a media agent: one more branch of a stream's RTP tees
 * ({@link dev.castmesh.gst.record.Recorder}), started with
 * {@code MediaEngine.startRecording(stream, RecordingOptions, RecordingListener)}.
 *
 * <p>Media path per track: tee → leaky queue (3 s) → rtpjitterbuffer (RTP-time stamps) → depayloader →
 * h264parse / opusparse → fragmented mp4mux (one track per muxer) → appsink → pure-Java fMP4 splitter →
 * segment cutter (key-frame aligned) → {@link dev.castmesh.gst.record.RecordingWriter} (files + MPD).
 *
 * <p>Files, relative to {@link dev.castmesh.gst.record.RecordingOptions#root()} (UTC day; see
 * {@link dev.castmesh.gst.record.DayLayout}):
 * <pre>
 * {stream}/{yyyy}/{mm}/{dd}/manifest.mpd            one MPD per stream per UTC day
 * {stream}/{yyyy}/{mm}/{dd}/video/init-p{N}.mp4     init segment of period N (ftyp + moov)
 * {stream}/{yyyy}/{mm}/{dd}/video/seg-{n}.m4s       media segments (moof + mdat ...), n continues across periods
 * {stream}/{yyyy}/{mm}/{dd}/audio/...               the same for Opus
 * </pre>
 * The MPD ({@code urn:mpeg:dash:profile:isoff-live:2011}) has one Period per recording of that day
 * ({@code p0}, {@code p1}, … back to back), one AdaptationSet per track with a SegmentTemplate
 * ({@code $Number$}, {@code startNumber}, {@code presentationTimeOffset}) and a SegmentTimeline of the
 * real {@code tfdt} times and durations. It is {@code type="dynamic"} while recording and rewritten
 * {@code type="static"} with {@code mediaPresentationDuration} when the recording stops, the publisher
 * leaves, or the day ends. Every file is written aside and renamed, so a file that exists is complete.
 */
package dev.castmesh.gst.record;
