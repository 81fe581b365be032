package dev.castmesh.gst.record;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Fmp4SplitterTest {
    private final List<TrackInit> inits = new ArrayList<>();
    private final List<Fragment> fragments = new ArrayList<>();
    private final Fmp4Splitter splitter = new Fmp4Splitter(new Fmp4Splitter.Sink() {
        @Override
        public void init(TrackInit init) {
            inits.add(init);
        }

        @Override
        public void fragment(Fragment fragment) {
            fragments.add(fragment);
        }
    });

    @Test
    void splitsInitAndFragmentsWhateverTheBufferBoundaries() {
        byte[] init = Fmp4Fixtures.videoInit();
        byte[] f1 = Fmp4Fixtures.fragment(1, 0, 60, 3000, true);
        byte[] f2 = Fmp4Fixtures.fragment(2, 180_000, 30, 3000, false);
        byte[] f3 = Fmp4Fixtures.fragment(3, 270_000, 45, 3000, true);
        byte[] all = Fmp4Fixtures.concat(init, f1, f2, f3, Fmp4Fixtures.box("mfra", new byte[16]));
        Random random = new Random(7);
        for (int p = 0; p < all.length; ) {
            int n = Math.min(all.length - p, 1 + random.nextInt(97));
            byte[] chunk = new byte[n];
            System.arraycopy(all, p, chunk, 0, n);
            splitter.feed(chunk);
            p += n;
        }
        assertEquals(1, inits.size());
        TrackInit i = inits.get(0);
        assertArrayEquals(init, i.bytes());
        assertEquals("avc1.42c01e", i.codecs());
        assertEquals(90_000, i.timescale());
        assertTrue(i.video());
        assertEquals(320, i.width());
        assertEquals(240, i.height());
        assertEquals("video/mp4", i.mimeType());
        assertEquals(3, fragments.size());
        assertArrayEquals(f2, fragments.get(1).bytes());
        assertEquals(List.of(0L, 180_000L, 270_000L), fragments.stream().map(Fragment::decodeTime).toList());
        assertEquals(List.of(180_000L, 90_000L, 135_000L), fragments.stream().map(Fragment::duration).toList());
        assertEquals(List.of(true, false, true), fragments.stream().map(Fragment::startsWithSync).toList());
        assertEquals(0, splitter.pending());
        assertEquals(all.length, splitter.bytesIn());
    }

    @Test
    void readsOpusInit() {
        splitter.feed(Fmp4Fixtures.audioInit());
        TrackInit i = inits.get(0);
        assertEquals("opus", i.codecs());
        assertFalse(i.video());
        assertEquals(2, i.channels());
        assertEquals(48_000, i.sampleRate());
        assertEquals("audio/mp4", i.mimeType());
    }

    @Test
    void fallsBackToTrexFlagsAndShiftsTfdtInPlace() {
        Fragment f = Fragment.parse(Fmp4Fixtures.fragment(1, 1000, 10, 100, true), 0x10000);
        Fragment moved = f.shifted(500);
        assertEquals(1500, moved.decodeTime());
        Fragment reread = Fragment.parse(moved.bytes(), 0x10000);
        assertEquals(1500, reread.decodeTime());
        assertEquals(f.duration(), reread.duration());
        assertEquals(f.bytes().length, moved.bytes().length);
        assertEquals(1000, Fragment.parse(f.bytes(), 0).decodeTime(), "the original is not modified");
        assertTrue(f.startsWithSync());
    }
}
