package dev.castmesh.gst.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a benchmark main runs: its options are parsed and checked first (a mistake prints the usage line and
 * exits 2), then it measures (a failure prints one line and exits 1).
 */
final class BenchMain {
    /** The measurement itself; returns the exit status. */
    interface Measurement {
        int measure(BenchArgs args, PrintStream out) throws Exception;
    }

    private BenchMain() {
    }

    /**
     * @param defaults  every option with its default value, in usage order ({@code ""} for required ones)
     * @param check     reads the options that must be present and well-formed before the run starts
     * @param usage     the usage line after {@code "usage: "}
     * @param name      what failed, e.g. {@code "bench fanout"}
     */
    static int run(String[] args, PrintStream out, Map<String, String> defaults, Consumer<BenchArgs> check,
                   String usage, String name, Measurement measurement) {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, defaults);
            check.accept(a);
        } catch (IllegalArgumentException e) {
            out.println("usage: " + usage + ": " + e.getMessage());
            return 2;
        }
        try {
            return measurement.measure(a, out);
        } catch (Exception e) {
            out.println(name + " failed: " + e);
            return 1;
        }
    }
}
