package dev.castmesh.gst.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Timings of the same operation by two paths, taken in pairs (one of each, alternating which goes first), in
 * nanoseconds: percentiles of each path and the median of the per-pair differences (b - a), which cancels most
 * of the drift a shared, noisy machine adds to both. Pure.
 */
final class PairedTimings {
    private final List<Long> a = new ArrayList<>();
    private final List<Long> b = new ArrayList<>();

    void add(long aNanos, long bNanos) {
        a.add(aNanos);
        b.add(bNanos);
    }

    int pairs() {
        return a.size();
    }

    long a(int percentile) {
        return percentile(a, percentile);
    }

    long b(int percentile) {
        return percentile(b, percentile);
    }

    /** Median of b - a over the pairs. */
    long medianDifference() {
        List<Long> differences = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            differences.add(b.get(i) - a.get(i));
        }
        return percentile(differences, 50);
    }

    /** p50 of b over p50 of a. */
    double ratio() {
        return (double) b(50) / a(50);
    }

    /** Nearest-rank percentile; the median of an even count is the mean of the two middle values. */
    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            throw new IllegalStateException("no timings");
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        if (percentile == 50 && n % 2 == 0) {
            return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
        int index = (int) Math.ceil(percentile / 100.0 * n) - 1;
        return sorted.get(Math.max(0, Math.min(n - 1, index)));
    }
}
