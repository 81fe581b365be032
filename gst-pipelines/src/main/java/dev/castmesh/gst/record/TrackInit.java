package dev.castmesh.gst.record;

import java.util.Locale;

/**
 * A DASH initialization segment ({@code ftyp} + {@code moov}) and what the MPD needs from it. Pure.
 *
 * @param bytes the whole init segment, as written to {@code init-*.mp4}
 * @param timescale ticks per second of the track's media timeline ({@code mdhd})
 * @param codecs RFC 6381 codecs string: {@code avc1.PPCCLL} for H.264, {@code opus} for Opus
 * @param video whether the track is video ({@code vide} handler) rather than audio
 * @param width video width in pixels (0 for audio)
 * @param height video height in pixels (0 for audio)
 * @param sampleRate audio sample rate in Hz (0 for video)
 * @param channels audio channels (0 for video)
 * @param defaultSampleFlags {@code trex} default sample flags, used when a fragment does not say
 */
record TrackInit(byte[] bytes, long timescale, String codecs, boolean video, int width, int height, int sampleRate,
                 int channels, long defaultSampleFlags) {

    /** Parses {@code ftyp}+{@code moov} of a single-track fragmented MP4 written by mp4mux. */
    static TrackInit parse(byte[] bytes) {
        Mp4Box moov = topLevel(bytes, "moov");
        Mp4Box trak = moov.child("trak").orElseThrow(() -> new IllegalArgumentException("moov has no trak"));
        Mp4Box mdhd = trak.path("mdia/mdhd").orElseThrow(() -> new IllegalArgumentException("trak has no mdhd"));
        long timescale = Mp4Box.u32(bytes, mdhd.payload() + (mdhd.version() == 1 ? 20 : 12));
        Mp4Box hdlr = trak.path("mdia/hdlr").orElseThrow(() -> new IllegalArgumentException("trak has no hdlr"));
        boolean video = Mp4Box.u32(bytes, hdlr.payload() + 8) == fourcc("vide");
        Mp4Box stsd = trak.path("mdia/minf/stbl/stsd").orElseThrow(() -> new IllegalArgumentException("no stsd"));
        Mp4Box entry = Mp4Box.at(bytes, stsd.payload() + 8, stsd.end())
                .orElseThrow(() -> new IllegalArgumentException("empty stsd"));
        long trexFlags = moov.path("mvex/trex").map(t -> Mp4Box.u32(bytes, t.payload() + 20)).orElse(0L);
        String type = entry.type();
        if (video) {
            int width = Mp4Box.u16(bytes, entry.payload() + 24);
            int height = Mp4Box.u16(bytes, entry.payload() + 26);
            String codecs = type;
            if (type.equals("avc1") || type.equals("avc3")) {
                codecs = entry.child("avcC", 78).map(c -> String.format(Locale.ROOT, "%s.%02x%02x%02x", type,
                        bytes[c.payload() + 1] & 0xff, bytes[c.payload() + 2] & 0xff, bytes[c.payload() + 3] & 0xff))
                        .orElse(type);
            }
            return new TrackInit(bytes, timescale, codecs, true, width, height, 0, 0, trexFlags);
        }
        int channels = Mp4Box.u16(bytes, entry.payload() + 16);
        int rate = Mp4Box.u16(bytes, entry.payload() + 24);
        int sampleRate = rate == 0 ? (int) timescale : rate;
        if (type.equals("Opus")) {
            return new TrackInit(OpusSampleRate.matchSampleEntry(bytes, entry, sampleRate), timescale, "opus", false,
                    0, 0, sampleRate, channels, trexFlags);
        }
        return new TrackInit(bytes, timescale, type, false, 0, 0, sampleRate, channels, trexFlags);
    }

    String mimeType() {
        return video ? "video/mp4" : "audio/mp4";
    }

    private static Mp4Box topLevel(byte[] bytes, String type) {
        int p = 0;
        while (p < bytes.length) {
            Mp4Box b = Mp4Box.at(bytes, p, bytes.length).orElseThrow(() -> new IllegalArgumentException("truncated init"));
            if (b.type().equals(type)) {
                return b;
            }
            p = b.end();
        }
        throw new IllegalArgumentException("init segment has no " + type);
    }

    private static long fourcc(String s) {
        return ((long) s.charAt(0) << 24) | (s.charAt(1) << 16) | (s.charAt(2) << 8) | s.charAt(3);
    }
}
