package dev.castmesh.gst.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process from /proc: CPU time used so far (utime + stime), resident memory and thread
 * count. Two readings give the share of a core the process used in between.
 *
 * @param cpuTicks utime + stime, in clock ticks (USER_HZ, 100 per second on Linux)
 * @param rssKb VmRSS, kB
 */
record ProcessSample(long nanoTime, long cpuTicks, long rssKb, int threads) {
    static final int TICKS_PER_SECOND = 100;

    static ProcessSample read(long pid) throws IOException {
        long now = System.nanoTime();
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        return new ProcessSample(now, cpuTicks(stat), field(status, "VmRSS:"), (int) field(status, "Threads:"));
    }

    /** utime (field 14) + stime (field 15) of /proc/PID/stat; the command name may contain spaces. */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): field n is f[n - 3]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + name + " in /proc status");
    }

    /** Percent of one core used between {@code earlier} and this sample. */
    double cpuPercentSince(ProcessSample earlier) {
        double seconds = (nanoTime - earlier.nanoTime) / 1e9;
        return 100.0 * (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND / seconds;
    }
}
