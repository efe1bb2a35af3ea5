package onetomany.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How the report times one operation in one library: warmed until its time stops moving, then measured until its
 * median is known closely enough, both within a time budget of their own.
 *
 * <p><b>Warm-up</b>: calls in windows of {@link Rule#window()}; the cell is steady when the medians of its last
 * {@link Rule#windowsCompared()} windows have a coefficient of variation of at most {@link Rule#maxVariation()}
 * (a window's median, not its mean, so one garbage collection does not restart the warm-up), and it has warmed up
 * for {@link Rule#minWarmupNanos()} at least (a short plateau is not the steady state). When the warm-up
 * budget runs out first (it is looked at after every call), the cell is measured all the same and marked not
 * steady.
 *
 * <p><b>Measurement</b>: at least {@link Rule#minMeasured()} calls, then a window more at a time until the 95%
 * confidence interval of the median is within ± {@link Rule#targetHalfWidth()} of it (looked at after the
 * minimum and after each window more), or
 * {@link Rule#maxMeasured()} calls, or the measurement budget (looked at after every call), whichever comes
 * first: a cell whose calls agree stops early and leaves the time to the cells that need it.
 *
 * <p>The cells of one operation (one per library) are timed {@link #together} in turns, a call each, so that a
 * burst of other work on the machine falls on every library alike.
 *
 * <p>A budget is wall time, so it also covers what each call needs around it (the tables seeded again before a
 * write): the whole run stays bounded however slow the machine or the database. Steady here means a plateau
 * within the budget, not that the JIT compiler has finished: the JMH benchmarks ({@code benchmarks/}) run
 * seconds per figure, in JVMs of their own, and are the reference.
 */
final class SteadyState {

    /**
     * The rule.
     *
     * @param window          calls per window, in the warm-up and the measurement
     * @param windowsCompared the last windows whose medians must agree
     * @param maxVariation    the largest coefficient of variation of those medians that is steady (0.05 = 5%)
     * @param sharedWarmupNanos before any cell of a library is timed, every operation of the library is called
     *                        in turn for this long per operation (the runner's part: the code the operations
     *                        share is compiled before the first cell, which would otherwise pay for it)
     * @param minWarmupNanos  the wall time a cell warms up at least, whatever its windows say: a short plateau
     *                        (the interpreter, before the JIT compiler has compiled the path) is not the steady
     *                        state
     * @param warmupBudgetNanos the wall time a cell may spend warming up
     * @param minMeasured     measured calls, at least
     * @param maxMeasured     measured calls, at most
     * @param targetHalfWidth the half-width of the median's 95% interval, relative to it, that is enough
     * @param measureBudgetNanos the wall time a cell may spend being measured (after {@code minMeasured})
     */
    record Rule(int window, int windowsCompared, double maxVariation, long sharedWarmupNanos, long minWarmupNanos,
                long warmupBudgetNanos, int minMeasured, int maxMeasured, double targetHalfWidth,
                long measureBudgetNanos) {

        /**
         * The report's rule: 0.44 s of shared warm-up per library, then at most 0.2 s of wall time per cell (and
         * the calls of the 15 measured at least), much less for a cell whose calls settle and agree: the budget
         * goes to the cells that need it, the slowest library's mostly.
         */
        static final Rule DEFAULT = new Rule(10, 3, 0.05, 40_000_000L, 20_000_000L, 150_000_000L, 15, 400, 0.03,
                50_000_000L);

        Rule {
            if (window < 1 || windowsCompared < 2 || minMeasured < 1 || maxMeasured < minMeasured
                    || maxVariation <= 0 || targetHalfWidth <= 0) {
                throw new IllegalArgumentException("not a usable rule: " + this);
            }
        }

        /** The rule in words, for the report's legend. */
        String describe() {
            return String.format(Locale.ROOT, "first every operation of a library is called in turn, %.0f ms "
                    + "per operation; then each operation is warmed up in windows of %d calls "
                    + "until the medians of its last %d windows vary by at most %.0f%% (coefficient of variation), "
                    + "for %.0f ms at least and %.0f ms at most; then measured: %d calls at least, more until the "
                    + "median's 95%% confidence interval is within ± %.0f%%, at most %d calls or %.0f ms after the "
                    + "first %d; the three libraries' cells of an operation take turns, a call each, so that other "
                    + "work on the machine falls on all three alike, and pool their budgets: what a cell that "
                    + "settled early leaves goes to the others", sharedWarmupNanos / 1e6, window, windowsCompared,
                    maxVariation * 100,
                    minWarmupNanos / 1e6,
                    warmupBudgetNanos / 1e6, minMeasured,
                    targetHalfWidth * 100, maxMeasured, measureBudgetNanos / 1e6, minMeasured);
        }
    }

    /**
     * What one cell's timing came to.
     *
     * @param warmupCalls calls made to warm up, not kept
     * @param steady      whether the warm-up ended by the rule rather than by its budget
     * @param measured    the times of the measured calls
     */
    record Timing(int warmupCalls, boolean steady, Samples measured) {

        /** The same, with {@code calls} more of warm-up (the library's shared warm-up). */
        Timing afterSharedWarmup(int calls) {
            return new Timing(warmupCalls + calls, steady, measured);
        }

        /** Every call the cell took, warm-up and measured. */
        int calls() {
            return warmupCalls + measured.count();
        }
    }

    private SteadyState() {
    }

    /**
     * Times one cell: {@code call} makes one call and returns its time in nanoseconds; {@code clock} is the wall
     * clock the budgets are counted on ({@link System#nanoTime()} in the report, a synthetic one in tests).
     */
    static Timing time(Rule rule, LongSupplier call, LongSupplier clock) {
        return together(rule, List.of(call), clock).get(0);
    }

    /**
     * Times several cells (one operation in each library) in turns, a call of one, then a call of the next:
     * whatever else the machine does meanwhile falls on all of them alike, and their ratios keep. Each cell follows
     * the rule on its own, its budgets counting the time of its own calls; the budgets are pooled, so what a cell
     * that settled early did not spend goes to the cells that have not (the slowest library's, mostly), and the
     * whole stays within the sum of the budgets.
     */
    static List<Timing> together(Rule rule, List<LongSupplier> calls, LongSupplier clock) {
        List<Cell> cells = calls.stream().map(call -> new Cell(rule, call, clock)).toList();
        long warmupPool = rule.warmupBudgetNanos() * cells.size();
        long measurePool = rule.measureBudgetNanos() * cells.size();
        boolean running = true;
        while (running) {
            running = false;
            for (Cell cell : cells) {
                if (!cell.done) {
                    // A cell may spend what the others have not: one that settled early leaves its budget to them.
                    long othersWarmedUp = cells.stream().filter(c -> c != cell).mapToLong(c -> c.warmupSpent).sum();
                    long othersMeasured = cells.stream().filter(c -> c != cell).mapToLong(c -> c.measureSpent).sum();
                    cell.step(warmupPool - othersWarmedUp, measurePool - othersMeasured);
                    running = true;
                }
            }
        }
        return cells.stream().map(Cell::timing).toList();
    }

    /** One cell's progress through the rule, a call at a time. */
    private static final class Cell {

        private final Rule rule;
        private final LongSupplier call;
        private final LongSupplier clock;
        private final List<Double> medians = new ArrayList<>();
        private final long[] window;
        private final long[] times;
        private int inWindow;
        private long warmupSpent;
        private long measureSpent;
        private int warmupCalls;
        private int measured;
        private boolean steady;
        private boolean warming = true;
        private boolean done;

        Cell(Rule rule, LongSupplier call, LongSupplier clock) {
            this.rule = rule;
            this.call = call;
            this.clock = clock;
            this.window = new long[rule.window()];
            this.times = new long[rule.maxMeasured()];
        }

        /**
         * One call: of warm-up (a window's median taken when it is full), or of measurement. Past its own budget a
         * cell goes on while the cells timed with it have left some of theirs unspent: {@code warmupPool} and
         * {@code measurePool} are what the pools hold less what the others spent.
         */
        void step(long warmupPool, long measurePool) {
            long warmupBudget = Math.max(rule.warmupBudgetNanos(), warmupPool);
            long measureBudget = Math.max(rule.measureBudgetNanos(), measurePool);
            long start = clock.getAsLong();
            long time = call.getAsLong();
            long spent = clock.getAsLong() - start;
            if (warming) {
                window[inWindow++] = time;
                warmupCalls++;
                warmupSpent += spent;
                if (inWindow == window.length) {
                    inWindow = 0;
                    medians.add(Samples.of(window).median());
                    steady = isSteady(medians, rule) && warmupSpent >= rule.minWarmupNanos();
                }
                warming = !steady && warmupSpent < warmupBudget;
                return;
            }
            times[measured++] = time;
            measureSpent += spent;
            if (measured < rule.minMeasured()) {
                return;
            }
            done = measured >= rule.maxMeasured() || measureSpent >= measureBudget
                    || (measured - rule.minMeasured()) % rule.window() == 0
                    && Samples.of(Arrays.copyOf(times, measured)).relativeHalfWidth95() <= rule.targetHalfWidth();
        }

        Timing timing() {
            return new Timing(warmupCalls, steady, Samples.of(Arrays.copyOf(times, measured)));
        }
    }

    /** Whether the medians of the last {@code windowsCompared} windows vary by at most {@code maxVariation}. */
    static boolean isSteady(List<Double> windowMedians, Rule rule) {
        int n = windowMedians.size();
        if (n < rule.windowsCompared()) {
            return false;
        }
        double[] last = windowMedians.subList(n - rule.windowsCompared(), n).stream()
                .mapToDouble(Double::doubleValue).toArray();
        return Samples.coefficientOfVariation(last) <= rule.maxVariation();
    }
}
