package onetomany.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import onetomany.contract.LoadStrategy;
import onetomany.db.DatabaseKind;
import onetomany.db.StatementLog;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import onetomany.operations.OwnWay;

/**
 * Everything one comparison run measured, ready for the three renderings (terminal, Markdown, HTML).
 *
 * @param kind        the database it ran on
 * @param environment where it ran
 * @param settings    what it ran
 * @param freshJvm    whether no library had been started in this JVM before this run: only then are the start-up
 *                    and the first calls cold (with {@code -Ddb=all}, the first database's)
 * @param startups    each library's start-up, in {@link Library#ALL} order
 * @param seedScript  the seed script, once per library
 * @param cells       one per library and operation, libraries in {@link Library#ALL} order
 * @param series      statements per load strategy, library and number of users
 * @param ownCells    the libraries' own ways ({@link OwnWay}): one per library that has one, in {@link OwnWay} and
 *                    then {@link Library#ALL} order; not the contract's, shown beside its operations
 */
public record ComparisonResult(DatabaseKind kind, Environment environment, ComparisonRunner.Settings settings,
                               boolean freshJvm, List<Startup> startups, List<SeedScript.Run> seedScript,
                               List<Cell> cells, List<SeriesPoint> series, List<OwnCell> ownCells) {

    /**
     * The JDK, the operating system, the database, the libraries' versions, and how busy the machine was (the
     * 1-minute load average at the start and at the end of the run: above the number of cores, other processes
     * were waiting for a core, and every time here is longer for it; negative where the system does not say).
     */
    public record Environment(String jdk, String os, int cores, String database, List<String> libraries,
                              double loadAtStart, double loadAtEnd) {
    }

    /**
     * A library's start-up: building its repository over the DataSource (Hibernate's bootstrap with the schema
     * validation, MyBatis's configuration with the mapper XML parsed, Jdbi's creation with its row mappers), the
     * first time in this JVM.
     */
    public record Startup(Library library, long nanos) {
    }

    /**
     * One operation in one library.
     *
     * @param expectedStatements what the contract or the library's budget says it must send
     * @param statements         what the last call sent
     * @param consistent         whether every call, the first one included, sent the same number of statements
     * @param rows               the objects a read returned, or the rows a write inserted, changed or deleted
     * @param firstCallNanos     the time of the operation's first call in the freshly started library (cold)
     * @param timing             the steady-state timing: warm-up calls, whether it got steady, measured times
     * @param sql                the statements of the last call, in order
     */
    public record Cell(Library library, Operation operation, int expectedStatements, int statements,
                       boolean consistent, int rows, long firstCallNanos, SteadyState.Timing timing,
                       List<StatementLog.Executed> sql) {

        public boolean asExpected() {
            return consistent && statements == expectedStatements;
        }

        /** The median of the measured (steady-state) calls. */
        public double medianNanos() {
            return timing.measured().median();
        }
    }

    /** How many statements one load strategy sent in one library for this many users (3 posts each). */
    public record SeriesPoint(Library library, LoadStrategy strategy, int users, int expected, int statements) {
    }

    /**
     * A library's own way beside an operation ({@link OwnWay}), called twice on freshly seeded tables, not timed.
     *
     * @param expectedStatements what its library's module tests count ({@link OwnWay#expectedStatements})
     * @param statements         what the last call sent
     * @param consistent         whether both calls sent the same number of statements
     * @param rows               the objects it returned, or the rows it wrote, as a {@link Cell}'s
     * @param sql                the statements of the last call, in order
     * @param postIds            for a save: the user's post ids before and after the last call
     */
    public record OwnCell(Library library, OwnWay way, int expectedStatements, int statements, boolean consistent,
                          int rows, List<StatementLog.Executed> sql, Optional<PostIds> postIds) {

        public OwnCell {
            sql = List.copyOf(sql);
        }

        public boolean asExpected() {
            return consistent && statements == expectedStatements;
        }
    }

    /**
     * A user's post ids around a save of a draft, as the tables hold them.
     *
     * @param before the ids before the save, ascending
     * @param kept   the ids the draft keeps
     * @param after  the ids after the save, ascending
     */
    public record PostIds(List<Long> before, List<Long> kept, List<Long> after) {

        public PostIds {
            before = List.copyOf(before);
            kept = List.copyOf(kept);
            after = List.copyOf(after);
        }

        /** Whether every post the draft keeps has the id it had (none is deleted and inserted under a new one). */
        public boolean keptTheirIds() {
            return after.containsAll(kept);
        }
    }

    public ComparisonResult {
        startups = List.copyOf(startups);
        seedScript = List.copyOf(seedScript);
        cells = List.copyOf(cells);
        series = List.copyOf(series);
        ownCells = List.copyOf(ownCells);
    }

    /** A result without the libraries' own ways. */
    public ComparisonResult(DatabaseKind kind, Environment environment, ComparisonRunner.Settings settings,
                            boolean freshJvm, List<Startup> startups, List<SeedScript.Run> seedScript,
                            List<Cell> cells, List<SeriesPoint> series) {
        this(kind, environment, settings, freshJvm, startups, seedScript, cells, series, List.of());
    }

    public Cell cell(Library library, Operation operation) {
        return cells.stream()
                .filter(c -> c.library().equals(library) && c.operation() == operation)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(library.name() + " " + operation));
    }

    /**
     * The statements each number of users cost one library with one strategy, in {@code settings.seriesUsers()}
     * order.
     */
    public List<Integer> seriesOf(Library library, LoadStrategy strategy) {
        return series.stream()
                .filter(p -> p.library().equals(library) && p.strategy() == strategy)
                .map(SeriesPoint::statements)
                .toList();
    }

    /** Every way this run differs from the contract, in English; empty when the run is right. */
    public List<String> failures() {
        return failures(Texts.ENGLISH);
    }

    /** Every way this run differs from the contract, in the report's language; empty when the run is right. */
    List<String> failures(Texts texts) {
        List<String> failures = new ArrayList<>();
        for (SeedScript.Run run : seedScript) {
            if (!run.titlesReadBack()) {
                failures.add(texts.format("failure.seed", run.library().name(), SeedScript.EXPECTED_TITLES));
            }
        }
        for (Cell cell : cells) {
            if (!cell.asExpected()) {
                failures.add(texts.format(cell.consistent() ? "failure.cell" : "failure.cellVarying",
                        cell.library().name(), cell.operation().title(), cell.statements(),
                        cell.expectedStatements()));
            }
        }
        for (Operation operation : Operation.values()) {
            List<Integer> rows = cells.stream().filter(c -> c.operation() == operation).map(Cell::rows).distinct()
                    .toList();
            if (rows.size() > 1) {
                failures.add(texts.format("failure.rows", operation.title(), rows));
            }
        }
        for (OwnCell own : ownCells) {
            if (!own.asExpected()) {
                failures.add(texts.format(own.consistent() ? "failure.own" : "failure.ownVarying",
                        own.library().name(), own.way().title(), own.statements(), own.expectedStatements()));
            }
            int rows = cell(own.library(), own.way().beside()).rows();
            if (own.rows() != rows) {
                failures.add(texts.format("failure.ownRows", own.library().name(), own.way().title(), own.rows(),
                        own.way().beside().title(), rows));
            }
        }
        for (SeriesPoint point : series) {
            if (point.statements() != point.expected()) {
                failures.add(texts.format("failure.series", point.library().name(), point.strategy(), point.users(),
                        point.statements(), point.expected()));
            }
        }
        return failures;
    }

    /**
     * The operation's fastest cell, if one is faster beyond doubt: see {@link #fastest(List)}. Empty where the
     * libraries' times overlap.
     */
    public Optional<Cell> fastest(Operation operation) {
        return fastest(row(operation));
    }

    /**
     * The cell whose interquartile range (the bracket the report prints beside each median: where the middle half
     * of its measured calls fell) lies entirely below every other cell's, its third quartile under every other's
     * first; empty when the brackets overlap, or when there is one cell only. A smaller median alone is not enough:
     * between two runs minutes apart the order of medians that close does not repeat. The bracket is wider than
     * the median's 95% confidence interval, so a cell marked here is one whose calls were faster, not only its
     * median.
     */
    static Optional<Cell> fastest(List<Cell> cells) {
        if (cells.size() < 2) {
            return Optional.empty();
        }
        Cell lowest = cells.stream().min(Comparator.comparingDouble(Cell::medianNanos)).orElseThrow();
        double top = lowest.timing().measured().q3();
        boolean apart = cells.stream().filter(cell -> cell != lowest)
                .allMatch(cell -> top < cell.timing().measured().q1());
        return apart ? Optional.of(lowest) : Optional.empty();
    }

    /** The cell's steady-state median over the lowest median for the same operation: 1.0 for the lowest. */
    public double ratioToFastest(Cell cell) {
        double fastest = row(cell.operation()).stream().mapToDouble(Cell::medianNanos).min().orElseThrow();
        return fastest <= 0 ? 1 : cell.medianNanos() / fastest;
    }

    /** The library's start-up time. */
    public Startup startupOf(Library library) {
        return startups.stream().filter(s -> s.library().equals(library)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(library.name()));
    }

    /** The operation's cells in library order. */
    public List<Cell> row(Operation operation) {
        return Library.ALL.stream().map(library -> cell(library, operation)).toList();
    }

    /** The own ways shown beside {@code operation}: those a library of this run has, in {@link OwnWay} order. */
    public List<OwnWay> ownWaysBeside(Operation operation) {
        return ownCells.stream().map(OwnCell::way).filter(way -> way.beside() == operation).distinct().toList();
    }

    /** A library's cell of an own way; empty when the library does not have it. */
    public Optional<OwnCell> ownCell(Library library, OwnWay way) {
        return ownCells.stream().filter(c -> c.library().equals(library) && c.way() == way).findFirst();
    }

    /** The seed script's run in one library. */
    public Optional<SeedScript.Run> seedScriptOf(Library library) {
        return seedScript.stream().filter(run -> run.library().equals(library)).findFirst();
    }
}
