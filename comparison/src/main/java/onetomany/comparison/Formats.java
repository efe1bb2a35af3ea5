package onetomany.comparison;

import java.util.Locale;

/** How numbers read in every report: counts with their unit, times in milliseconds, ratios with a ×. */
final class Formats {

    private Formats() {
    }

    static String statements(int count) {
        return count == 1 ? "1 stmt" : count + " stmts";
    }

    static String rows(int count) {
        return count == 1 ? "1 row" : count + " rows";
    }

    /**
     * A time in milliseconds with three significant digits or so: {@code 0.214 ms}, {@code 1.53 ms},
     * {@code 12.4 ms}.
     */
    static String millis(double nanos) {
        return number(nanos / 1_000_000.0) + " ms";
    }

    /** A duration in milliseconds below a second, in seconds above: {@code 41.2 ms}, {@code 2.87 s}. */
    static String duration(double nanos) {
        return nanos < 1e9 ? millis(nanos) : number(nanos / 1e9) + " s";
    }

    /** Three significant digits or so: {@code 0.214}, {@code 1.53}, {@code 12.4}, {@code 123}. */
    private static String number(double value) {
        String pattern = value < 1 ? "%.3f" : value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A ratio to the fastest: {@code 1.00×}, {@code 2.37×}, {@code 14.2×}. */
    static String ratio(double ratio) {
        return (ratio < 10 ? String.format(Locale.ROOT, "%.2f", ratio) : String.format(Locale.ROOT, "%.1f", ratio))
                + "×";
    }

    /** One cell of the statements table: {@code statements · rows}, marked when the count is not the contract's. */
    static String cell(ComparisonResult.Cell cell) {
        String statements = statements(cell.statements());
        if (!cell.asExpected()) {
            statements = "✗ " + statements + " (expected " + cell.expectedStatements() + ")";
        }
        return statements + " · " + rows(cell.rows());
    }

    /** The steady-state time of a cell: its median and, in brackets, its interquartile range. */
    static String time(ComparisonResult.Cell cell) {
        Samples measured = cell.timing().measured();
        return millis(measured.median()) + " [" + number(measured.q1() / 1e6) + "–" + number(measured.q3() / 1e6)
                + "]";
    }

    /** One cell of the times table: {@code median [q1–q3] · ratio}. */
    static String timeCell(ComparisonResult result, ComparisonResult.Cell cell) {
        return time(cell) + " · " + ratio(result.ratioToFastest(cell));
    }

    /** The calls a cell took: {@code warm-up + measured}, marked {@code *} when the warm-up ran out of budget. */
    static String calls(ComparisonResult.Cell cell) {
        SteadyState.Timing timing = cell.timing();
        return timing.warmupCalls() + " + " + timing.measured().count() + (timing.steady() ? "" : "*");
    }
}
