package dev.castmesh.gst.bench;

import java.util.List;

/** Least-squares line through (x, y) points: {@code y = intercept + slope * x}. */
record LinearFit(double slope, double intercept) {

    static LinearFit of(List<Double> xs, List<Double> ys) {
        int n = xs.size();
        if (n != ys.size() || n < 2) {
            throw new IllegalArgumentException("need at least two points");
        }
        double mx = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double my = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (xs.get(i) - mx) * (ys.get(i) - my);
            sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("need at least two different x values");
        }
        double slope = sxy / sxx;
        return new LinearFit(slope, my - slope * mx);
    }
}
