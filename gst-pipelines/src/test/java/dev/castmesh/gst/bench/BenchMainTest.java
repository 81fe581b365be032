package dev.castmesh.gst.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchMainTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true);

    @Test
    void aBadOptionPrintsTheUsageAndExits2BeforeMeasuring() {
        assertEquals(2, FanoutBench.run(new String[] {"--agent", "http://h:1", "--pid", "x"}, out));
        assertEquals("usage: FanoutBench --agent http://HOST:PORT --pid AGENT_PID [--viewers 0,10,25,50,100]"
                + " [--window S] [--settle S] [--kbps N] [--batch N] [--stream NAME] [--token T]:"
                + " --pid must be a whole number: x", printed.toString().strip());
    }

    @Test
    void aFailedMeasurementExits1WithOneLine() {
        int status = BenchMain.run(new String[0], out, Map.of("token", "-"), a -> { }, "X", "bench x", (a, o) -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(1, status);
        assertEquals("bench x failed: java.lang.IllegalStateException: boom", printed.toString().strip());
    }

    @Test
    void urlsLoseTrailingSlashesAndADashTokenIsNone() {
        BenchArgs a = BenchArgs.parse(new String[] {"--agent", "http://h:1//"}, Map.of("agent", "", "token", "-"));
        assertEquals("http://h:1", a.baseUrl("agent"));
        assertEquals(Optional.empty(), a.token());
        assertEquals(Optional.of("t"), BenchArgs.parse(new String[] {"--token", "t"}, Map.of("token", "-")).token());
    }
}
