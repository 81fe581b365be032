package dev.castmesh.gst.record;

/**
 * One movie fragment ({@code moof} + {@code mdat}) of a single-track fragmented MP4, with the timing the
 * MPD needs. Pure.
 *
 * @param bytes moof followed by mdat
 * @param decodeTime {@code tfdt} baseMediaDecodeTime, in the track's timescale
 * @param duration sum of the sample durations, in the track's timescale
 * @param samples number of samples
 * @param startsWithSync whether the first sample is a sync sample (a key frame), from {@code trun}/{@code tfhd}/{@code trex} flags
 */
record Fragment(byte[] bytes, long decodeTime, long duration, int samples, boolean startsWithSync) {
    /** ISO/IEC 14496-12 sample_flags: sample_is_non_sync_sample. */
    static final long NON_SYNC = 0x10000L;
    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final int TFHD_SAMPLE_DESCRIPTION = 0x2;
    private static final int TFHD_DEFAULT_DURATION = 0x8;
    private static final int TFHD_DEFAULT_SIZE = 0x10;
    private static final int TFHD_DEFAULT_FLAGS = 0x20;
    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_FLAGS = 0x4;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_SIZE = 0x200;
    private static final int TRUN_FLAGS = 0x400;
    private static final int TRUN_CTS = 0x800;

    /**
     * Reads the first track fragment of {@code bytes} (moof+mdat).
     *
     * @param trexFlags the init segment's default sample flags
     */
    static Fragment parse(byte[] bytes, long trexFlags) {
        Mp4Box moof = Mp4Box.at(bytes, 0, bytes.length).filter(b -> b.type().equals("moof"))
                .orElseThrow(() -> new IllegalArgumentException("fragment does not start with moof"));
        Mp4Box traf = moof.child("traf").orElseThrow(() -> new IllegalArgumentException("moof has no traf"));
        Mp4Box tfhd = traf.child("tfhd").orElseThrow(() -> new IllegalArgumentException("traf has no tfhd"));
        int hf = tfhd.flags();
        int p = tfhd.payload() + 8;
        p += (hf & TFHD_BASE_DATA_OFFSET) != 0 ? 8 : 0;
        p += (hf & TFHD_SAMPLE_DESCRIPTION) != 0 ? 4 : 0;
        long defaultDuration = 0;
        if ((hf & TFHD_DEFAULT_DURATION) != 0) {
            defaultDuration = Mp4Box.u32(bytes, p);
            p += 4;
        }
        p += (hf & TFHD_DEFAULT_SIZE) != 0 ? 4 : 0;
        long defaultFlags = (hf & TFHD_DEFAULT_FLAGS) != 0 ? Mp4Box.u32(bytes, p) : trexFlags;
        long decodeTime = traf.child("tfdt").map(t -> t.version() == 1 ? Mp4Box.u64(bytes, t.payload() + 4)
                : Mp4Box.u32(bytes, t.payload() + 4)).orElse(0L);
        Mp4Box trun = traf.child("trun").orElseThrow(() -> new IllegalArgumentException("traf has no trun"));
        int rf = trun.flags();
        int count = (int) Mp4Box.u32(bytes, trun.payload() + 4);
        int q = trun.payload() + 8 + ((rf & TRUN_DATA_OFFSET) != 0 ? 4 : 0);
        long firstFlags = -1;
        if ((rf & TRUN_FIRST_FLAGS) != 0) {
            firstFlags = Mp4Box.u32(bytes, q);
            q += 4;
        }
        long duration = 0;
        for (int i = 0; i < count; i++) {
            if ((rf & TRUN_DURATION) != 0) {
                duration += Mp4Box.u32(bytes, q);
                q += 4;
            } else {
                duration += defaultDuration;
            }
            q += (rf & TRUN_SIZE) != 0 ? 4 : 0;
            if ((rf & TRUN_FLAGS) != 0) {
                if (i == 0 && firstFlags < 0) {
                    firstFlags = Mp4Box.u32(bytes, q);
                }
                q += 4;
            }
            q += (rf & TRUN_CTS) != 0 ? 4 : 0;
        }
        if (firstFlags < 0) {
            firstFlags = defaultFlags;
        }
        return new Fragment(bytes, decodeTime, duration, count, count > 0 && (firstFlags & NON_SYNC) == 0);
    }

    long endTime() {
        return decodeTime + duration;
    }

    /**
     * The same fragment with {@code tfdt} moved by {@code delta} ticks (a copy; the size never changes: a
     * 32-bit tfdt that would overflow is left as it is and the original returned).
     */
    Fragment shifted(long delta) {
        if (delta == 0) {
            return this;
        }
        Mp4Box moof = Mp4Box.at(bytes, 0, bytes.length).orElseThrow();
        Mp4Box tfdt = moof.path("traf/tfdt").orElse(null);
        long moved = decodeTime + delta;
        if (tfdt == null || moved < 0 || (tfdt.version() == 0 && moved > 0xffffffffL)) {
            return this;
        }
        byte[] copy = bytes.clone();
        if (tfdt.version() == 1) {
            Mp4Box.put64(copy, tfdt.payload() + 4, moved);
        } else {
            Mp4Box.put32(copy, tfdt.payload() + 4, moved);
        }
        return new Fragment(copy, moved, duration, samples, startsWithSync);
    }
}
