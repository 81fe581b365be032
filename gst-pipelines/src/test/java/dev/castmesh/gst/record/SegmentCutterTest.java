package dev.castmesh.gst.record;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentCutterTest {
    private static final int TS = 90_000;

    @Test
    void dropsUntilAKeyFrameThenCutsWholeGopsAtTheTarget() {
        SegmentCutter cutter = new SegmentCutter(TS, Duration.ofSeconds(4));
        List<Segment> out = new ArrayList<>();
        long t = 0;
        // 1 s without a key frame, then 2 s GOPs
        boolean[] sync = {false, true, true, true, true, true};
        long[] seconds = {1, 2, 2, 2, 2, 1};
        for (int i = 0; i < sync.length; i++) {
            cutter.offer(fragment(t, seconds[i] * TS, sync[i])).ifPresent(out::add);
            t += seconds[i] * TS;
        }
        cutter.flush().ifPresent(out::add);
        assertEquals(1, cutter.dropped());
        assertEquals(List.of(4L * TS, 4L * TS, 1L * TS), out.stream().map(Segment::duration).toList());
        assertEquals(List.of(1L * TS, 5L * TS, 9L * TS), out.stream().map(Segment::startTime).toList());
        assertTrue(out.stream().allMatch(Segment::startsWithSync));
        assertEquals(2, out.get(0).fragments().size());
    }

    @Test
    void aFragmentWithoutKeyFrameExtendsTheSegment() {
        SegmentCutter cutter = new SegmentCutter(TS, Duration.ofSeconds(4));
        assertFalse(cutter.offer(fragment(0, 2L * TS, true)).isPresent());
        assertFalse(cutter.offer(fragment(2L * TS, TS, false)).isPresent());
        Segment s = cutter.offer(fragment(3L * TS, TS, false)).orElseThrow();
        assertEquals(4L * TS, s.duration());
        assertEquals(3, s.fragments().size());
    }

    @Test
    void closesASegmentSlightlyShortOfTheTarget() {
        SegmentCutter cutter = new SegmentCutter(TS, Duration.ofSeconds(4));
        assertTrue(cutter.offer(fragment(0, 3_600 * TS / 1000, true)).isPresent(), "3.6 s closes a 4 s target");
        SegmentCutter small = new SegmentCutter(TS, Duration.ofSeconds(2));
        assertFalse(small.offer(fragment(0, 1_400 * TS / 1000, true)).isPresent(), "1.4 s does not close a 2 s target");
    }

    @Test
    void pacerAsksAtStartThenBeforeEachTargetAndRetries() {
        KeyframePacer pacer = new KeyframePacer(Duration.ofSeconds(4), Duration.ofMillis(250));
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        assertTrue(pacer.due(t0));
        assertFalse(pacer.due(t0.plusSeconds(1)));
        pacer.segmentStarted(t0.plusMillis(300));
        assertFalse(pacer.due(t0.plusMillis(3_000)));
        assertTrue(pacer.due(t0.plusMillis(4_050)));
        assertFalse(pacer.due(t0.plusMillis(4_100)));
        assertTrue(pacer.due(t0.plusMillis(8_050)), "no new segment: ask again");
    }

    private static Fragment fragment(long t, long d, boolean sync) {
        return new Fragment(new byte[8], t, d, 1, sync);
    }
}
