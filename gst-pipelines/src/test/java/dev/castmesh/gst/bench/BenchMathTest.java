package dev.castmesh.gst.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchMathTest {
    @Test
    void fitsALineThroughTheSteps() {
        LinearFit fit = LinearFit.of(List.of(0.0, 10.0, 25.0, 50.0, 100.0), List.of(5.0, 15.0, 30.0, 55.0, 105.0));
        assertEquals(1.0, fit.slope(), 1e-9);
        assertEquals(5.0, fit.intercept(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(List.of(1.0, 1.0), List.of(1.0, 2.0)));
    }

    @Test
    void readsCpuTicksRssAndThreadsFromProc() {
        String stat = "4242 (java (agent) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 61 0 9 0 0";
        assertEquals(1234 + 567, ProcessSample.cpuTicks(stat));
        String status = "Name:\tjava\nVmRSS:\t  245760 kB\nThreads:\t61\n";
        assertEquals(245760, ProcessSample.field(status, "VmRSS:"));
        assertEquals(61, ProcessSample.field(status, "Threads:"));
        ProcessSample a = new ProcessSample(0, 100, 0, 1);
        ProcessSample b = new ProcessSample(20_000_000_000L, 300, 0, 1);
        assertEquals(10.0, b.cpuPercentSince(a), 1e-9, "200 ticks over 20 s = 10 % of a core");
    }

    @Test
    void parsesOptionsAndNamesTheWrongOne() {
        BenchArgs a = BenchArgs.parse(new String[]{"--viewers", "0,5"}, Map.of("viewers", "0,10", "window", "20"));
        assertEquals(List.of(0, 5), a.integers("viewers"));
        assertEquals(20, a.integer("window"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchArgs.parse(new String[]{"--viewer", "1"}, Map.of("viewers", "0")));
        assertEquals("unknown option --viewer (known: --viewers)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BenchArgs.parse(new String[]{"--viewers", "1,-2"}, Map.of("viewers", "0")).integers("viewers"));
    }

    @Test
    void percentilesOfSortedDelays() {
        List<Long> sorted = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertEquals(50, LatencyBench.percentile(sorted, 50));
        assertEquals(99, LatencyBench.percentile(sorted, 99));
        assertEquals(7, LatencyBench.percentile(List.of(7L), 99));
    }
}
