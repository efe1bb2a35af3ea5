package onetomany.comparison;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.comparison.ComparisonResult.Environment;
import onetomany.comparison.ComparisonResult.SeriesPoint;
import onetomany.comparison.Seeder.Seeded;
import onetomany.contract.LoadStrategy;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.StatementLog;

/**
 * Runs the seed script, then every operation of the contract and the load strategies for a growing number of
 * users, through each {@link Library}, counting statements through the proxy of {@link Database} (the one the
 * tests use) and timing each call.
 *
 * <p>Every call starts from freshly seeded tables (seeded with plain JDBC, not counted, not timed). Statement
 * counts are exact and checked against the contract in every call; times are indicative: per library, a warm-up
 * pass calls every operation {@link Settings#warmups()} times, then each operation's median of
 * {@link Settings#runs()} calls is kept.
 */
public final class ComparisonRunner {

    /**
     * What to run.
     *
     * @param users        users in the tables for the operations table
     * @param postsPerUser posts per user, there and in the series
     * @param warmups      calls per operation and library in a warm-up pass over every operation, not kept
     * @param runs         timed calls per operation and library; the median is reported
     * @param seriesUsers  numbers of users for the statements-versus-users series
     */
    public record Settings(int users, int postsPerUser, int warmups, int runs, List<Integer> seriesUsers) {

        public static final Settings DEFAULT = new Settings(10, 3, 8, 11, List.of(1, 10, 50, 100, 200));

        public Settings {
            seriesUsers = List.copyOf(seriesUsers);
            if (users < 1 || postsPerUser < 1 || warmups < 1 || runs < 1) {
                throw new IllegalArgumentException("at least one user, one post and one run are needed");
            }
        }
    }

    /** The load strategies of the series, in chart order. */
    public static final List<LoadStrategy> STRATEGIES = List.of(LoadStrategy.values());

    private final Settings settings;
    private final PrintStream progress;
    private final int steps;
    private int step;
    private long lastProgress = System.nanoTime();

    private ComparisonRunner(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
        this.steps = Library.ALL.size() * (2 + Operation.values().length + settings.seriesUsers().size());
    }

    /** Runs everything, printing one progress line per step. */
    public static ComparisonResult run(Settings settings, PrintStream progress) {
        return new ComparisonRunner(settings, progress).run();
    }

    private ComparisonResult run() {
        List<SeedScript.Run> seedScript = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        List<SeriesPoint> series = new ArrayList<>();
        String database = null;
        for (Library library : Library.ALL) {
            // One database and one repository per library, for all of its steps: Hibernate starts once.
            try (Database db = Database.open();
                 UserPostRepository repository = library.factory().apply(db.dataSource())) {
                database = describe(db);
                SeedScript.Run run = SeedScript.run(library, db, repository);
                seedScript.add(run);
                progress(library, "seed script", "statements " + run.statementsPerStep()
                        + (run.titlesReadBack() ? ", titles read back" : ", TITLES NOT READ BACK"));
                Seeder seeder = new Seeder(db.unproxiedDataSource());
                for (Operation operation : Operation.values()) {
                    measure(library, operation, repository, db.statements(), seeder, settings.warmups());
                }
                progress(library, "warm-up", "every operation × " + settings.warmups());
                for (Operation operation : Operation.values()) {
                    Cell cell = measure(library, operation, repository, db.statements(), seeder, settings.runs());
                    cells.add(cell);
                    progress(library, operation.title(), "%s · %s · %s%s".formatted(
                            Formats.statements(cell.statements()), Formats.rows(cell.rows()),
                            Formats.millis(cell.medianNanos()), cell.asExpected() ? ""
                                    : "  ✗ expected " + cell.expectedStatements()));
                }
                for (int users : settings.seriesUsers()) {
                    List<SeriesPoint> points = countStrategies(library, users, repository, db.statements(), seeder);
                    series.addAll(points);
                    progress(library, "series, %d users".formatted(users), String.join(", ",
                            points.stream().map(p -> p.strategy() + " " + p.statements()).toList()));
                }
            }
        }
        Environment environment = new Environment(
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                Runtime.getRuntime().availableProcessors(),
                database,
                Library.ALL.stream().map(library -> library.name() + " " + library.version()).toList());
        return new ComparisonResult(environment, settings, seedScript, cells, series);
    }

    /**
     * Calls one operation {@code calls} times on freshly seeded tables (seeded once for a read, which changes
     * nothing, before every call for a write) and sums it up in a cell.
     */
    private Cell measure(Library library, Operation operation, UserPostRepository repository, StatementLog log,
                         Seeder seeder, int calls) {
        long[] times = new long[calls];
        Set<Integer> counts = new HashSet<>();
        int expected = 0;
        int rows = 0;
        List<StatementLog.Executed> sql = List.of();
        Seeded seeded = null;
        for (int i = 0; i < calls; i++) {
            if (seeded == null || operation.writes()) {
                seeded = seeder.seed(settings.users(), settings.postsPerUser());
            }
            List<String> before = operation.writes() ? seeder.snapshot() : List.of();
            log.reset();
            long start = System.nanoTime();
            Object result = operation.perform(repository, seeded);
            long elapsed = System.nanoTime() - start;
            sql = log.executed();
            counts.add(sql.size());
            expected = operation.expectedStatements(repository.budget(), seeded);
            rows = operation.writes() ? rowsWritten(before, seeder.snapshot()) : Operation.objectsIn(result);
            times[i] = elapsed;
        }
        return new Cell(library, operation, expected, sql.size(), counts.size() == 1, rows, median(times), sql);
    }

    /** Loads all users with each strategy once, on {@code users} users, and counts the statements. */
    private List<SeriesPoint> countStrategies(Library library, int users, UserPostRepository repository,
                                              StatementLog log, Seeder seeder) {
        seeder.seed(users, settings.postsPerUser());
        List<SeriesPoint> points = new ArrayList<>();
        for (LoadStrategy strategy : STRATEGIES) {
            log.reset();
            repository.findAllUsersWithPosts(strategy);
            points.add(new SeriesPoint(library, strategy, users, Operation.expectedForFindAll(strategy, users),
                    log.count()));
        }
        return points;
    }

    /** Rows inserted, changed or deleted, from two snapshots whose rows start with {@code table|id|}. */
    static int rowsWritten(List<String> before, List<String> after) {
        Set<String> beforeRows = new HashSet<>(before);
        Set<String> afterRows = new HashSet<>(after);
        Set<String> keys = new HashSet<>();
        before.stream().filter(row -> !afterRows.contains(row)).map(ComparisonRunner::key).forEach(keys::add);
        after.stream().filter(row -> !beforeRows.contains(row)).map(ComparisonRunner::key).forEach(keys::add);
        return keys.size();
    }

    private static String key(String row) {
        int second = row.indexOf('|', row.indexOf('|') + 1);
        return second < 0 ? row : row.substring(0, second);
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
        progress.printf(Locale.ROOT, "[%2d/%d] %-14s %-33s %-36s %5.1f s%n", step, steps, library.name(), what,
                outcome, (now - lastProgress) / 1e9);
        lastProgress = now;
    }
}
