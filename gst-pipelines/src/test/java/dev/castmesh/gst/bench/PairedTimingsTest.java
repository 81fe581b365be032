package dev.castmesh.gst.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PairedTimingsTest {
    @Test
    void medianOfPairedDifferencesIgnoresDriftSharedByBothPaths() {
        PairedTimings t = new PairedTimings();
        t.add(100, 102);
        t.add(200, 203); // the machine got slower for both paths
        t.add(50, 51);
        t.add(400, 402);
        t.add(100, 190); // one outlier on b
        assertEquals(5, t.pairs());
        assertEquals(2, t.medianDifference());
        assertEquals(100, t.a(50));
        assertEquals(190, t.b(50));
        assertEquals(1.9, t.ratio(), 1e-9);
        assertEquals(400, t.a(90));
    }

    @Test
    void percentilesAreNearestRankAndTheEvenMedianIsTheMiddleMean() {
        assertEquals(15, PairedTimings.percentile(List.of(20L, 10L), 50));
        assertEquals(20, PairedTimings.percentile(List.of(20L, 10L), 90));
        assertEquals(9, PairedTimings.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90));
        assertThrows(IllegalStateException.class, () -> PairedTimings.percentile(List.of(), 50));
    }
}
