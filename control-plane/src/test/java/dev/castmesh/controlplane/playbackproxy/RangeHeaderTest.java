package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.ByteRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RangeHeaderTest {

    private static RangeHeader.Outcome of(String header) {
        return RangeHeader.evaluate(header, 1000);
    }

    @Test
    void singleRanges() {
        assertEquals(new RangeHeader.Part(new ByteRange(0, 99)), of("bytes=0-99"));
        assertEquals(new RangeHeader.Part(new ByteRange(900, 999)), of("bytes=900-"));
        assertEquals(new RangeHeader.Part(new ByteRange(900, 999)), of("bytes=900-5000"));
        assertEquals(new RangeHeader.Part(new ByteRange(990, 999)), of("bytes=-10"));
        assertEquals(new RangeHeader.Part(new ByteRange(0, 999)), of("bytes=-5000"));
        assertEquals(new RangeHeader.Part(new ByteRange(999, 999)), of(" bytes=999-999 "));
    }

    @Test
    void unsatisfiable() {
        assertEquals(new RangeHeader.Unsatisfiable(), of("bytes=1000-"));
        assertEquals(new RangeHeader.Unsatisfiable(), of("bytes=1000-2000"));
        assertEquals(new RangeHeader.Unsatisfiable(), of("bytes=-0"));
        assertEquals(new RangeHeader.Unsatisfiable(), RangeHeader.evaluate("bytes=0-", 0));
    }

    @Test
    void whatIsNotServedAsARangeGetsTheWholeObject() {
        assertEquals(new RangeHeader.Whole(), of(null));
        assertEquals(new RangeHeader.Whole(), of("bytes=0-1,5-6"));
        assertEquals(new RangeHeader.Whole(), of("items=0-1"));
        assertEquals(new RangeHeader.Whole(), of("bytes=-"));
        assertEquals(new RangeHeader.Whole(), of("bytes=5-1"));
        assertEquals(new RangeHeader.Whole(), of("bytes=a-b"));
        assertEquals(new RangeHeader.Whole(), of("bytes=99999999999999999999-"));
    }
}
