package onetomany.comparison;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.comparison.ComparisonResult.Environment;
import onetomany.comparison.ComparisonResult.SeriesPoint;
import onetomany.contract.LoadStrategy;
import onetomany.contract.UserDraft;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.DatabaseKind;
import onetomany.db.StatementLog;
import onetomany.fixtures.Fixtures.Seeded;
import onetomany.fixtures.Fixtures;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import onetomany.operations.OwnWay;

/**
 * Runs, through each {@link Library}, every operation of the contract, the seed script and the load strategies for
 * a growing number of users, on one database, counting statements through the proxy of {@link Database} (the one
 * the tests use) and timing each call.
 *
 * <p>Two questions are timed apart. <b>Cold</b>: each library is started (its start-up timed) and each operation
 * called once, in table order, before any library is warmed up; the pool, the driver and the proxy were loaded by
 * plain JDBC before, so a first call is the library's own first-time work. <b>Steady state</b>: then, library by
 * library, every operation is called in turn for a while (the shared warm-up); then, operation by operation, its
 * three cells are warmed up further and measured by the {@link SteadyState} rule, in turns.
 *
 * <p>Tables are seeded with plain JDBC, neither counted nor timed: 10 users with 3 posts each for a read, which
 * changes nothing; for a write, each call acts on a user no call touched before (see {@link #measure}). Statement
 * counts are exact and checked against the contract in every call, the cold one included.
 *
 * <p>Last, the libraries' own ways ({@link OwnWay}: not the contract's, each beside one of its operations), in
 * each library whose repository has one: called twice, their statements counted and checked, not timed.
 */
public final class ComparisonRunner {

    /**
     * What to run.
     *
     * @param users        users in the tables for the operations table
     * @param postsPerUser posts per user, there and in the series
     * @param rule         how each operation is warmed up and measured
     * @param seriesUsers  numbers of users for the statements-versus-users series
     */
    public record Settings(int users, int postsPerUser, SteadyState.Rule rule, List<Integer> seriesUsers) {

        public static final Settings DEFAULT = new Settings(10, 3, SteadyState.Rule.DEFAULT,
                List.of(1, 10, 50, 100, 200));

        public Settings {
            seriesUsers = List.copyOf(seriesUsers);
            if (users < 1 || postsPerUser < 1) {
                throw new IllegalArgumentException("at least one user and one post are needed");
            }
        }
    }

    /** Whether a library has been started in this JVM already: then no later start-up or first call is cold. */
    private static final AtomicBoolean LIBRARIES_STARTED = new AtomicBoolean();

    /** The load strategies of the series, in chart order. */
    public static final List<LoadStrategy> STRATEGIES = List.of(LoadStrategy.values());

    private final Settings settings;
    private final DatabaseKind kind;
    private final PrintStream progress;
    private final Texts texts;
    private final int steps;
    private int step;
    private long lastProgress = System.nanoTime();

    private ComparisonRunner(Settings settings, DatabaseKind kind, PrintStream progress, Texts texts) {
        this.settings = settings;
        this.kind = kind;
        this.progress = progress;
        this.texts = texts;
        this.steps = Library.ALL.size() * (2 + Operation.values().length + settings.seriesUsers().size());
    }

    /**
     * Runs everything on a new database of {@code kind}, printing one progress line per step. Throws
     * {@link onetomany.db.DatabaseUnavailableException} before anything runs when the server cannot be reached.
     */
    public static ComparisonResult run(Settings settings, DatabaseKind kind, PrintStream progress) {
        return run(settings, kind, progress, Texts.ENGLISH);
    }

    /** The same, with the progress lines in the language of {@code texts}. */
    static ComparisonResult run(Settings settings, DatabaseKind kind, PrintStream progress, Texts texts) {
        return new ComparisonRunner(settings, kind, progress, texts).run();
    }

    /** One library on its own database: what the cold phase leaves for the steady one. */
    private record Started(Library library, Database db, UserPostRepository repository, Fixtures fixtures,
                           Map<Operation, Cold> cold) {
    }

    /** An operation's first call: its time and the statements it sent. */
    private record Cold(long nanos, int statements) {
    }

    private ComparisonResult run() {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean freshJvm = !LIBRARIES_STARTED.getAndSet(true);
        List<Started> started = new ArrayList<>();
        try {
            List<ComparisonResult.Startup> startups = new ArrayList<>();
            List<SeedScript.Run> seedScript = new ArrayList<>();
            String database = null;
            for (Library library : Library.ALL) {
                // One database per library, for all of its steps; every library is started before any is warmed.
                Database db = Database.open(kind);
                try {
                    database = describe(db);
                    Fixtures fixtures = new Fixtures(db.unproxiedDataSource());
                    prime(db);
                    long begin = System.nanoTime();
                    UserPostRepository repository = library.repository(db.dataSource());
                    long startup = System.nanoTime() - begin;
                    startups.add(new ComparisonResult.Startup(library, startup));
                    started.add(new Started(library, db, repository, fixtures, new EnumMap<>(Operation.class)));
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
                Started s = started.get(started.size() - 1);
                long firstCalls = 0;
                for (Operation operation : Operation.values()) {
                    Cold cold = firstCall(operation, s);
                    s.cold().put(operation, cold);
                    firstCalls += cold.nanos();
                }
                progress(library, texts.text("progress.cold"), texts.format("progress.coldOutcome",
                        Formats.duration(startups.get(startups.size() - 1).nanos(), texts),
                        Formats.duration(firstCalls, texts)));
                SeedScript.Run run = SeedScript.run(library, s.db(), s.repository());
                seedScript.add(run);
                progress(library, texts.text("progress.seed"), texts.format(run.titlesReadBack()
                        ? "progress.seedOutcome" : "progress.seedOutcomeFailed", run.statementsPerStep()));
            }
            List<Cell> cells = new ArrayList<>();
            List<SeriesPoint> series = new ArrayList<>();
            Map<Library, Map<Operation, Cells>> timed = new LinkedHashMap<>();
            for (Started s : started) {
                Map<Operation, Cells> ofLibrary = new EnumMap<>(Operation.class);
                Tables tables = new Tables();
                for (Operation operation : Operation.values()) {
                    ofLibrary.put(operation, new Cells(operation, s, tables));
                }
                sharedWarmup(ofLibrary);
                timed.put(s.library(), ofLibrary);
            }
            // One operation at a time, its three cells in turns: a burst of other work falls on all three alike.
            Map<Library, List<Cell>> byLibrary = new LinkedHashMap<>();
            for (Operation operation : Operation.values()) {
                List<Cells> row = timed.values().stream().map(ofLibrary -> ofLibrary.get(operation)).toList();
                List<SteadyState.Timing> timings = SteadyState.together(settings.rule(),
                        row.stream().map(c -> c.call).toList(), System::nanoTime);
                for (int i = 0; i < row.size(); i++) {
                    Cell cell = row.get(i).cell(timings.get(i));
                    byLibrary.computeIfAbsent(cell.library(), library -> new ArrayList<>()).add(cell);
                    SteadyState.Timing timing = cell.timing();
                    progress(cell.library(), operation.title(), Formats.statements(cell.statements(), texts)
                            + " · " + Formats.millis(cell.medianNanos(), texts)
                            + (timing.steady() ? "" : " " + texts.text("progress.notSteady"))
                            + " · " + texts.count("count.calls", timing.calls())
                            + (cell.asExpected() ? "" : "  " + texts.format("progress.expected",
                                    cell.expectedStatements())));
                }
            }
            byLibrary.values().forEach(cells::addAll);
            for (Started s : started) {
                for (int users : settings.seriesUsers()) {
                    List<SeriesPoint> points = countStrategies(s, users);
                    series.addAll(points);
                    progress(s.library(), texts.format("progress.series", users), String.join(", ",
                            points.stream().map(p -> p.strategy() + " " + p.statements()).toList()));
                }
            }
            List<ComparisonResult.OwnCell> ownCells = new ArrayList<>();
            for (OwnWay way : OwnWay.values()) {
                for (Started s : started) {
                    if (way.isOf(s.repository())) {
                        ownCells.add(ownCell(way, s));
                    }
                }
            }
            Environment environment = new Environment(
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                            + System.getProperty("os.arch") + ")",
                    Runtime.getRuntime().availableProcessors(),
                    database,
                    Library.ALL.stream().map(library -> library.name() + " " + library.version()).toList(),
                    loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return new ComparisonResult(kind, environment, settings, freshJvm, startups, seedScript, cells, series,
                    ownCells);
        } finally {
            for (Started s : started) {
                try (Database db = s.db(); UserPostRepository repository = s.repository()) {
                    // closed: the repository first, then its database
                }
            }
        }
    }

    /**
     * Loads the pool, the driver and the counting proxy before any library runs: the seed and a read of both
     * tables, through the proxy, in plain JDBC. Nothing is counted (the log is reset) or kept.
     */
    private void prime(Database db) {
        Fixtures throughProxy = new Fixtures(db.dataSource());
        throughProxy.seed(settings.users(), settings.postsPerUser());
        throughProxy.snapshot();
        db.statements().reset();
    }

    /** The operation's first call in the freshly started library, on freshly seeded tables. */
    private Cold firstCall(Operation operation, Started s) {
        Seeded seeded = s.fixtures().seed(settings.users(), settings.postsPerUser());
        StatementLog log = s.db().statements();
        log.reset();
        long start = System.nanoTime();
        operation.perform(s.repository(), seeded);
        long elapsed = System.nanoTime() - start;
        return new Cold(elapsed, log.count());
    }

    /**
     * Calls every operation of one library in turn, a window of calls each, for {@code sharedWarmupNanos} per
     * operation in all: what the operations share (the library's session or handle, its statement and result-set
     * handling, the driver, the proxy) is warmed before the first cell is timed, so that no cell's time depends on
     * its place in the table.
     */
    private void sharedWarmup(Map<Operation, Cells> timed) {
        long budget = settings.rule().sharedWarmupNanos() * timed.size();
        long start = System.nanoTime();
        while (System.nanoTime() - start < budget) {
            for (Cells cells : timed.values()) {
                for (int i = 0; i < settings.rule().window(); i++) {
                    cells.call.getAsLong();
                    cells.sharedCalls++;
                }
                if (System.nanoTime() - start >= budget) {
                    return;
                }
            }
        }
    }

    /** A library's tables while its cells are timed: who seeded them last (every read, or one write), and what. */
    private static final class Tables {
        static final Object READS = new Object();
        Object owner;
        Seeded seeded;
        int turn;
    }

    /**
     * One operation in one library, called again and again: each call checked (its statements), the first one's
     * rows counted. A read runs on the seeded tables, which no read changes. A write acts each call on a user no
     * earlier call touched, with his 3 posts and the 9 users after him (what a freshly seeded table gives the first
     * call): the tables are seeded with {@code window - 1} users more, and again after {@code window} calls or
     * when another operation has used them, so the untimed seeding costs about a tenth of seeding before each call.
     */
    private final class Cells {

        private final Operation operation;
        private final Started s;
        private final Tables shared;
        private final Set<Integer> counts = new HashSet<>();
        private final int window = settings.rule().window();
        private final LongSupplier call = this::callOnce;
        private int expected;
        private int rows = -1;
        private int sharedCalls;
        private List<StatementLog.Executed> sql = List.of();

        Cells(Operation operation, Started s, Tables shared) {
            this.operation = operation;
            this.s = s;
            this.shared = shared;
            counts.add(s.cold().get(operation).statements());
        }

        private long callOnce() {
            Seeded tables;
            if (operation.writes()) {
                if (shared.owner != this || shared.turn == window) {
                    shared.seeded = s.fixtures().seed(settings.users() + window - 1, settings.postsPerUser());
                    shared.owner = this;
                    shared.turn = 0;
                }
                tables = new Seeded(shared.seeded.users().subList(shared.turn, shared.turn + settings.users()));
                shared.turn++;
            } else {
                if (shared.owner != Tables.READS) {
                    shared.seeded = s.fixtures().seed(settings.users(), settings.postsPerUser());
                    shared.owner = Tables.READS;
                }
                tables = shared.seeded;
            }
            List<String> before = operation.writes() && rows < 0 ? s.fixtures().snapshot() : List.of();
            StatementLog log = s.db().statements();
            log.reset();
            long start = System.nanoTime();
            Object result = operation.perform(s.repository(), tables);
            long elapsed = System.nanoTime() - start;
            sql = log.executed();
            counts.add(sql.size());
            expected = operation.expectedStatements(s.repository().budget(), tables);
            if (rows < 0) {
                rows = operation.writes() ? rowsWritten(before, s.fixtures().snapshot()) : Operation.objectsIn(result);
            }
            return elapsed;
        }

        /** The cell, once the rule has timed the calls. */
        Cell cell(SteadyState.Timing timing) {
            return new Cell(s.library(), operation, expected, sql.size(), counts.size() == 1, rows,
                    s.cold().get(operation).nanos(), timing.afterSharedWarmup(sharedCalls), sql);
        }
    }

    /**
     * A library's own way beside an operation, called twice, each time on freshly seeded tables (the first user
     * untouched, as for a write's timed calls), not timed: its statements checked, the objects or rows of the last
     * call counted as for its operation, and for a save of the draft the user's post ids read from the table
     * before and after.
     */
    private ComparisonResult.OwnCell ownCell(OwnWay way, Started s) {
        Set<Integer> counts = new HashSet<>();
        ComparisonResult.OwnCell cell = null;
        for (int call = 0; call < 2; call++) {
            Seeded seeded = s.fixtures().seed(settings.users(), settings.postsPerUser());
            long userId = seeded.first().id();
            List<String> before = way.writes() ? s.fixtures().snapshot() : List.of();
            List<Long> idsBefore = s.fixtures().postIdsOf(userId);
            StatementLog log = s.db().statements();
            log.reset();
            Object result = way.perform(s.repository(), seeded);
            List<StatementLog.Executed> sql = log.executed();
            counts.add(sql.size());
            int rows = way.writes() ? rowsWritten(before, s.fixtures().snapshot()) : Operation.objectsIn(result);
            Optional<ComparisonResult.PostIds> ids = way.beside() == Operation.SAVE_USER_WITH_POSTS
                    ? Optional.of(new ComparisonResult.PostIds(idsBefore, Operation.saveDraft(seeded).posts().stream()
                            .map(UserDraft.PostDraft::id).filter(Objects::nonNull).toList(),
                            s.fixtures().postIdsOf(userId)))
                    : Optional.empty();
            cell = new ComparisonResult.OwnCell(s.library(), way,
                    way.expectedStatements(s.repository().budget(), seeded), sql.size(), counts.size() == 1, rows,
                    sql, ids);
        }
        return cell;
    }

    /** Loads all users with each strategy once, on {@code users} users, and counts the statements. */
    private List<SeriesPoint> countStrategies(Started s, int users) {
        s.fixtures().seed(users, settings.postsPerUser());
        StatementLog log = s.db().statements();
        List<SeriesPoint> points = new ArrayList<>();
        for (LoadStrategy strategy : STRATEGIES) {
            log.reset();
            s.repository().findAllUsersWithPosts(strategy);
            points.add(new SeriesPoint(s.library(), strategy, users, Operation.expectedForFindAll(strategy, users),
                    log.count()));
        }
        return points;
    }

    /** Rows inserted, changed or deleted, from two {@link Fixtures#snapshot()}s (rows start with {@code table id}). */
    static int rowsWritten(List<String> before, List<String> after) {
        Set<String> beforeRows = new HashSet<>(before);
        Set<String> afterRows = new HashSet<>(after);
        Set<String> keys = new HashSet<>();
        before.stream().filter(row -> !afterRows.contains(row)).map(ComparisonRunner::key).forEach(keys::add);
        after.stream().filter(row -> !beforeRows.contains(row)).map(ComparisonRunner::key).forEach(keys::add);
        return keys.size();
    }

    private static String key(String row) {
        int second = row.indexOf(' ', row.indexOf(' ') + 1);
        return second < 0 ? row : row.substring(0, second);
    }

    /** The run's database as {@link Database#description()} says, with the server's version if it does not. */
    private static String describe(Database db) {
        try (Connection connection = db.unproxiedDataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String version = meta.getDatabaseProductVersion();
            return db.description().contains(version.split("[ -]")[0])
                    ? db.description()
                    : "%s (%s %s)".formatted(db.description(), meta.getDatabaseProductName(), version);
        } catch (SQLException e) {
            return db.description();
        }
    }

    private void progress(Library library, String what, String outcome) {
        step++;
        long now = System.nanoTime();
        progress.println(texts.format("progress.line", step, steps, library.name(), what, outcome,
                (now - lastProgress) / 1e9));
        lastProgress = now;
    }
}
