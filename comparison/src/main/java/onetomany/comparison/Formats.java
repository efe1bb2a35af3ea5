package onetomany.comparison;

import java.util.List;
import java.util.Locale;

import onetomany.libraries.Library;
import onetomany.operations.OwnWay;

/**
 * How numbers read in every report: counts with their unit, times in milliseconds, ratios with a ×. Each method
 * takes the report's {@link Texts}; without them, the English ones.
 */
final class Formats {

    private Formats() {
    }

    static String statements(int count) {
        return statements(count, Texts.ENGLISH);
    }

    static String statements(int count, Texts texts) {
        return texts.count("count.statements", count);
    }

    /** Table rows, what a write changed. */
    static String rows(int count, Texts texts) {
        return texts.count("count.rows", count);
    }

    /** Objects, what a read returned. */
    static String objects(int count, Texts texts) {
        return texts.count("count.objects", count);
    }

    /** What a cell touched: the objects a read returned, or the table rows a write changed, named as such. */
    static String touched(ComparisonResult.Cell cell, Texts texts) {
        return cell.operation().writes() ? rows(cell.rows(), texts) : objects(cell.rows(), texts);
    }

    /**
     * A time in milliseconds with three significant digits or so: {@code 0.214 ms}, {@code 1.53 ms},
     * {@code 12.4 ms}.
     */
    static String millis(double nanos) {
        return millis(nanos, Texts.ENGLISH);
    }

    static String millis(double nanos, Texts texts) {
        return texts.format("unit.ms", number(nanos / 1_000_000.0));
    }

    /** A duration in milliseconds below a second, in seconds above: {@code 41.2 ms}, {@code 2.87 s}. */
    static String duration(double nanos) {
        return duration(nanos, Texts.ENGLISH);
    }

    static String duration(double nanos, Texts texts) {
        return nanos < 1e9 ? millis(nanos, texts) : texts.format("unit.s", number(nanos / 1e9));
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

    /**
     * One cell of the statements table: {@code statements · objects} for a read, {@code statements · rows} for a
     * write, marked when the count is not the contract's.
     */
    static String cell(ComparisonResult.Cell cell) {
        return cell(cell, Texts.ENGLISH);
    }

    static String cell(ComparisonResult.Cell cell, Texts texts) {
        String statements = statements(cell.statements(), texts);
        if (!cell.asExpected()) {
            statements = texts.format("cell.expected", statements, cell.expectedStatements());
        }
        return statements + " · " + touched(cell, texts);
    }

    /**
     * A library's cell of an own way, as {@link #cell(ComparisonResult.Cell, Texts)}: {@code statements · objects}
     * or {@code statements · rows}, marked when the count is not what its module tests.
     */
    static String cell(ComparisonResult.OwnCell cell) {
        return cell(cell, Texts.ENGLISH);
    }

    static String cell(ComparisonResult.OwnCell cell, Texts texts) {
        String statements = statements(cell.statements(), texts);
        if (!cell.asExpected()) {
            statements = texts.format("cell.expected", statements, cell.expectedStatements());
        }
        return statements + " · " + (cell.way().writes() ? rows(cell.rows(), texts) : objects(cell.rows(), texts));
    }

    /** The cell of a library that does not have an own way. */
    static final String NONE = "—";

    /** An own way's cell in one library, or {@link #NONE}. */
    static String ownCell(ComparisonResult result, Library library, OwnWay way, Texts texts) {
        return result.ownCell(library, way).map(cell -> cell(cell, texts)).orElse(NONE);
    }

    /** Whose own way it is, not the contract's: {@code jOOQ's own way, not the contract's}. */
    static String ownMark(ComparisonResult result, OwnWay way, Texts texts) {
        return texts.format("own.mark", String.join(", ", result.ownCells().stream()
                .filter(cell -> cell.way() == way).map(cell -> cell.library().name()).toList()));
    }

    /**
     * What a save did to the user's post ids, from the tables: {@code post ids 1, 2, 3 → 1, 2, 31, 32: the 2 posts
     * the draft keeps have their ids still}.
     */
    static String postIds(ComparisonResult.PostIds ids, Texts texts) {
        return texts.format("own.ids", ids(ids.before()), ids(ids.after()), texts.format(ids.keptTheirIds()
                ? "own.idsKept" : "own.idsChanged", ids.kept().size()));
    }

    private static String ids(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    /** The steady-state time of a cell: its median and, in brackets, its interquartile range. */
    static String time(ComparisonResult.Cell cell, Texts texts) {
        Samples measured = cell.timing().measured();
        return millis(measured.median(), texts) + " [" + number(measured.q1() / 1e6) + "–"
                + number(measured.q3() / 1e6) + "]";
    }

    /**
     * One cell of the times table: {@code median [q1–q3] · ratio}, and {@code · fastest} when its bracket lies below
     * every other library's ({@link ComparisonResult#fastest(Operation)}).
     */
    static String timeCell(ComparisonResult result, ComparisonResult.Cell cell) {
        return timeCell(result, cell, Texts.ENGLISH);
    }

    static String timeCell(ComparisonResult result, ComparisonResult.Cell cell, Texts texts) {
        return time(cell, texts) + " · " + ratio(result.ratioToFastest(cell))
                + (isFastest(result, cell) ? " · " + texts.text("cell.fastest") : "");
    }

    /** Whether the cell is its operation's fastest beyond doubt ({@link ComparisonResult#fastest(Operation)}). */
    static boolean isFastest(ComparisonResult result, ComparisonResult.Cell cell) {
        return result.fastest(cell.operation()).filter(fastest -> fastest == cell).isPresent();
    }

    /** The calls a cell took: {@code warm-up + measured}, marked {@code *} when the warm-up ran out of budget. */
    static String calls(ComparisonResult.Cell cell) {
        SteadyState.Timing timing = cell.timing();
        return timing.warmupCalls() + " + " + timing.measured().count() + (timing.steady() ? "" : "*");
    }
}
