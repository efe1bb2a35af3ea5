package onetomany.comparison;

import java.util.Arrays;

/**
 * Times of repeated calls, in nanoseconds, sorted: their median, quartiles and a distribution-free confidence
 * interval of the median. Call times are skewed (a garbage collection, a compilation, another process on the
 * core), so the report gives order statistics, never a mean.
 */
record Samples(long[] sorted) {

    /** The z value of a two-sided 95% interval. */
    private static final double Z_95 = 1.959964;

    Samples {
        sorted = sorted.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no sample");
        }
    }

    static Samples of(long... nanos) {
        return new Samples(nanos);
    }

    int count() {
        return sorted.length;
    }

    /**
     * The {@code p}-quantile (0 ≤ p ≤ 1), interpolated linearly between the two nearest order statistics: the
     * rule of R's default (type 7), NumPy's {@code percentile} and a spreadsheet's {@code PERCENTILE}.
     */
    double percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a quantile is between 0 and 1: " + p);
        }
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    double median() {
        return percentile(0.5);
    }

    double q1() {
        return percentile(0.25);
    }

    double q3() {
        return percentile(0.75);
    }

    /** The interquartile range, {@code q3 - q1}: where the middle half of the calls fell. */
    double iqr() {
        return q3() - q1();
    }

    /**
     * An approximate 95% confidence interval of the median that assumes nothing of the distribution: the order
     * statistics of ranks {@code n/2 ∓ 1.96·√n/2} (1-based, rounded outwards, clamped to the samples), from the
     * binomial distribution of how many calls fall below the true median.
     */
    double[] medianInterval95() {
        int n = sorted.length;
        double half = Z_95 * Math.sqrt(n) / 2;
        int lower = Math.max(1, (int) Math.floor(n / 2.0 - half));
        int upper = Math.min(n, (int) Math.ceil(1 + n / 2.0 + half));
        return new double[] {sorted[lower - 1], sorted[upper - 1]};
    }

    /** Half the width of {@link #medianInterval95()}, relative to the median: 0.05 is ± 5%. */
    double relativeHalfWidth95() {
        double[] interval = medianInterval95();
        double median = median();
        return median <= 0 ? 0 : (interval[1] - interval[0]) / 2 / median;
    }

    /** The coefficient of variation of some values: their sample standard deviation over their mean. */
    static double coefficientOfVariation(double... values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a variation needs two values at least");
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return mean == 0 ? 0 : Math.sqrt(squares / (values.length - 1)) / mean;
    }
}
