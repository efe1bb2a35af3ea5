package onetomany.comparison;

import java.util.Locale;

/** How numbers read in every report: counts with their unit, times in milliseconds. */
final class Formats {

    private Formats() {
    }

    static String statements(int count) {
        return count == 1 ? "1 stmt" : count + " stmts";
    }

    static String rows(int count) {
        return count == 1 ? "1 row" : count + " rows";
    }

    /** A time in milliseconds with three significant digits or so: {@code 0.214 ms}, {@code 1.53 ms}, {@code 12.4 ms}. */
    static String millis(long nanos) {
        double millis = nanos / 1_000_000.0;
        String pattern = millis < 1 ? "%.3f ms" : millis < 10 ? "%.2f ms" : "%.1f ms";
        return String.format(Locale.ROOT, pattern, millis);
    }

    /** One table cell: {@code statements · rows · median time}. */
    static String cell(ComparisonResult.Cell cell) {
        String statements = statements(cell.statements());
        if (!cell.asExpected()) {
            statements = "✗ " + statements + " (expected " + cell.expectedStatements() + ")";
        }
        return statements + " · " + rows(cell.rows()) + " · " + millis(cell.medianNanos());
    }
}
