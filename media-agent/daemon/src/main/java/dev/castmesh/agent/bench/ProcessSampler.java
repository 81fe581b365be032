package dev.castmesh.agent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads another process's CPU time, RSS and thread count from /proc (Linux). */
final class ProcessSampler {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Path proc;

    ProcessSampler(long pid) {
        this.proc = Path.of("/proc", Long.toString(pid));
    }

    /** utime + stime of the process (all its threads), seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); utime is field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    long rssKiB() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    int threads() {
        String[] tasks = proc.resolve("task").toFile().list();
        return tasks == null ? -1 : tasks.length;
    }
}
