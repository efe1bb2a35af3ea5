package onetomany.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.fixtures.Fixtures;
import onetomany.contract.LoadStrategy;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.DatabaseKind;
import org.h2.tools.Server;

/**
 * What the {@code large} profile measures besides JMH's times: the statements every read sends for N = 1 to
 * 100,000 users, each checked against the contract ({@link LoadStrategy#statements(int)}; 1 for the posts with
 * their authors and for the stream), and the heap the stream and {@code JOINED} need at 200,000 users × 5 posts,
 * each module's read run by {@link HeapWalk} in a JVM of its own with a given heap.
 */
final class LargeMeasurements {

    static final int[] N = {1, 10, 100, 1_000, 10_000, 100_000};
    /** The statements do not depend on how many posts a user has: one each keeps the seeding quick. */
    static final int POSTS_PER_USER_COUNTED = 1;
    /** The heap the stream is walked in, as in the test that proves it; and JOINED tried in it too. */
    static final String SMALL_HEAP = "-Xmx64m";
    /** Enough for JOINED's list of a million posts in every module, to measure what it keeps alive. */
    static final String LARGE_HEAP = "-Xmx2g";
    private static final long WALK_TIMEOUT_SECONDS = 600;

    /** One row of the statement table: a read, a library, the statements counted and the contract's, per N. */
    record Counted(String read, String library, List<Integer> counted, List<Integer> expected) {
        boolean asExpected() {
            return counted.equals(expected);
        }
    }

    /** One read in a JVM of its own: its exit status (3: out of memory), what it kept alive, its output. */
    record Walk(String library, String read, String heap, int exitCode, long retainedBytes, long peakBytes,
                long users, long posts, String output) {
        boolean completed() {
            return exitCode == 0 && users == LargeReadBenchmark.USERS
                    && posts == (long) LargeReadBenchmark.USERS * LargeReadBenchmark.POSTS_PER_USER;
        }

        boolean outOfMemory() {
            return exitCode == 3;
        }
    }

    private static final long START = System.nanoTime();

    final List<Counted> statements = new ArrayList<>();
    final List<Walk> walks = new ArrayList<>();
    String database;

    private LargeMeasurements() {
    }

    /** False when a count differs from the contract's, or a read failed other than by running out of memory. */
    boolean allAsExpected() {
        return statements.stream().allMatch(Counted::asExpected)
                && walks.stream().allMatch(walk -> walk.completed() || walk.outOfMemory());
    }

    static LargeMeasurements take() throws IOException, InterruptedException, SQLException {
        LargeMeasurements m = new LargeMeasurements();
        try (Database database = Database.open()) {
            m.database = database.description();
            m.countStatements(database);
            m.walk(database);
        }
        return m;
    }

    private void countStatements(Database database) {
        Map<String, List<Integer>> counted = new LinkedHashMap<>();
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        Map<String, Subject> subjects = new LinkedHashMap<>();
        for (String key : Subjects.keys()) {
            subjects.put(key, Subjects.open(key, database.dataSource()));
        }
        Map<String, UserPostRepository> modules = new LinkedHashMap<>();
        for (String module : LargeReadBenchmark.MODULES) {
            modules.put(module, LargeReadBenchmark.repository(module, database.dataSource()));
        }
        Fixtures fixtures = new Fixtures(database.unproxiedDataSource());
        for (int n : N) {
            database.deleteAllRows();
            if (fixtures.manyUsersWithPosts(n, POSTS_PER_USER_COUNTED) != n) {
                throw new IllegalStateException("could not seed " + n + " users");
            }
            System.out.printf("Counting statements for N = %,d (at %d s)%n", n, elapsedSeconds());
            for (Map.Entry<String, Subject> entry : subjects.entrySet()) {
                Subject subject = entry.getValue();
                for (LoadStrategy strategy : LoadStrategy.values()) {
                    count(counted, expected, database, strategy.name(), entry.getKey(), strategy.statements(n),
                            () -> subject.usersWithPosts(strategy));
                }
                count(counted, expected, database, "posts with authors", entry.getKey(), 1, subject::postsWithAuthors);
            }
            for (Map.Entry<String, UserPostRepository> module : modules.entrySet()) {
                count(counted, expected, database, "stream", module.getKey(), 1,
                        () -> module.getValue().forEachUserWithPosts(user -> { }));
            }
        }
        subjects.values().forEach(Subject::close);
        modules.values().forEach(UserPostRepository::close);
        for (String key : counted.keySet()) {
            int space = key.lastIndexOf(' ');
            statements.add(new Counted(key.substring(0, space), key.substring(space + 1), counted.get(key),
                    expected.get(key)));
        }
    }

    private static void count(Map<String, List<Integer>> counted, Map<String, List<Integer>> expected,
                              Database database, String read, String library, int contract, Runnable work) {
        database.statements().reset();
        work.run();
        counted.computeIfAbsent(read + " " + library, key -> new ArrayList<>()).add(database.statements().count());
        expected.computeIfAbsent(read + " " + library, key -> new ArrayList<>()).add(contract);
        database.statements().reset(); // NAIVE logs 100,001 statements: not kept for the next read
    }

    /**
     * The data of {@link LargeReadBenchmark}, then each module's stream in the small heap, its {@code JOINED} in the
     * small heap, and its {@code JOINED} in the large one. H2's in-memory database lives in this JVM's heap, so the
     * walks reach it through an H2 TCP server started here: their heap holds what the library and the driver hold.
     */
    private void walk(Database database) throws IOException, InterruptedException, SQLException {
        database.deleteAllRows();
        new Fixtures(database.unproxiedDataSource())
                .manyUsersWithPosts(LargeReadBenchmark.USERS, LargeReadBenchmark.POSTS_PER_USER);
        Server h2 = database.kind() == DatabaseKind.H2 ? startH2TcpServer() : null;
        try {
            String url = h2 == null ? database.jdbcUrl()
                    : database.jdbcUrl().replaceFirst("^jdbc:h2:", "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/");
            for (String module : LargeReadBenchmark.MODULES) {
                walks.add(walk(module, "stream", SMALL_HEAP, url, database));
                walks.add(walk(module, "JOINED", SMALL_HEAP, url, database));
                walks.add(walk(module, "JOINED", LARGE_HEAP, url, database));
            }
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    private static final Pattern RESULT = Pattern.compile(
            "walked users=(\\d+) posts=(\\d+) postIdSum=\\d+ retainedBytes=(-?\\d+) peakHeapBytes=(\\d+)");

    private static Walk walk(String library, String read, String heap, String url, Database database)
            throws IOException, InterruptedException {
        System.out.printf("Walking %s's %s in %s (at %d s)%n", library, read, heap, elapsedSeconds());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+ExitOnOutOfMemoryError", "-Dorg.jboss.logging.provider=slf4j",
                "-cp", System.getProperty("java.class.path"), HeapWalk.class.getName(),
                library, url, database.user(), database.password() == null ? "" : database.password(), read);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(WALK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Walk(library, read, heap, -1, 0, 0, 0, 0, "timed out");
        }
        Matcher result = RESULT.matcher(output);
        if (process.exitValue() != 0 || !result.find()) {
            if (process.exitValue() != 3) {
                System.out.println(output);
            }
            return new Walk(library, read, heap, process.exitValue() == 0 ? 1 : process.exitValue(), 0, 0, 0, 0,
                    output);
        }
        return new Walk(library, read, heap, 0, Long.parseLong(result.group(3)), Long.parseLong(result.group(4)),
                Long.parseLong(result.group(1)), Long.parseLong(result.group(2)), output);
    }

    private static long elapsedSeconds() {
        return (System.nanoTime() - START) / 1_000_000_000;
    }

    private static Server startH2TcpServer() throws SQLException, IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
    }
}
