package onetomany.suites;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.DatabaseKind;
import onetomany.fixtures.Fixtures;
import onetomany.fixtures.OutOfMemoryRead;
import onetomany.fixtures.StreamWalk;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream in constant memory: {@code forEachUserWithPosts} walks 200,000 users with 5 posts each (a million
 * rows of the join) in a JVM whose heap is 64 MB, where the same data loaded as one list does not fit (see the
 * guide). A module subclasses it with one line, as it does the other suites.
 *
 * <p>The walk runs in a JVM of its own ({@link StreamWalk}), started here with {@code -Xmx64m}: the test's JVM
 * seeds the database and checks what the walk printed. The data must live outside that small heap: on a server
 * (PostgreSQL, MariaDB) it does; H2's in-memory database lives in the heap of the JVM that opened it, so it stays in
 * this JVM, and the walk reaches it through an H2 TCP server started here for it. The rows then come through the
 * network in every case, as from a real server, and the driver streams them only because the library asks it to (a
 * fetch size, a transaction). The out-of-memory read is the exception: on H2 it opens an embedded copy in a file (see
 * the test).
 */
@Tag(RepositoryTestSupport.SLOW) // 20 to 40 s: a million rows seeded once, then two reads, each in a JVM of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LargeStreamContract {

    static final int USERS = 200_000;
    static final int POSTS_PER_USER = 5;
    static final String HEAP = "-Xmx64m";
    /** Far more than the walk needs (seconds); only there so that a hung walk fails instead of hanging the build. */
    static final long TIMEOUT_SECONDS = 300;

    /** The library under test, built over the given DataSource (its class is what the forked JVM builds too). */
    protected abstract UserPostRepository createRepository(DataSource dataSource);

    /** The million rows, seeded once for both reads (neither leaves a change behind). */
    private Database database;
    private Server h2;
    private String repositoryClass;
    /** Where the forked JVM connects: the database itself, or H2's TCP server in front of this JVM's database. */
    private String url;
    private long postIdSum;

    @BeforeAll
    void seedAMillionRows() throws Exception {
        database = Database.open();
        try (UserPostRepository repository = createRepository(database.dataSource())) {
            repositoryClass = repository.getClass().getName();
        }
        Fixtures fixtures = new Fixtures(database.unproxiedDataSource());
        assertThat(fixtures.manyUsersWithPosts(USERS, POSTS_PER_USER)).isEqualTo(USERS);
        postIdSum = fixtures.sumOfIds("posts");
        h2 = database.kind() == DatabaseKind.H2 ? startH2TcpServer() : null;
        url = h2 == null ? database.jdbcUrl()
                : database.jdbcUrl().replaceFirst("^jdbc:h2:", "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/");
    }

    @AfterAll
    void stop() {
        if (h2 != null) {
            h2.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void the_stream_walks_200_000_users_with_5_posts_each_in_a_heap_of_64_mb() throws Exception {
        Walk walk = walk(repositoryClass, url, database.user(), database.password(), "stream");

        assertThat(walk.exitCode()).as("the walk's exit status (3: out of memory); it printed:%n%s",
                walk.output()).isZero();
        Matcher result = Pattern.compile("walked users=(\\d+) posts=(\\d+) postIdSum=(\\d+) peakHeapMb=(\\d+)")
                .matcher(walk.output());
        assertThat(result.find()).as(walk.output()).isTrue();
        assertThat(Long.parseLong(result.group(1))).as("users walked").isEqualTo(USERS);
        assertThat(Long.parseLong(result.group(2))).as("posts walked").isEqualTo((long) USERS * POSTS_PER_USER);
        assertThat(Long.parseLong(result.group(3))).as("the sum of the post ids walked").isEqualTo(postIdSum);
        System.out.printf("%s on %s, %s: %s%n", getClass().getSimpleName(), database.kind().displayName(),
                HEAP, walk.output().lines().reduce((first, second) -> second).orElse(""));
    }

    /**
     * A real out-of-memory error in the middle of a unit of work: the same rows read as one list
     * ({@code findAllUsersWithPosts(JOINED)}) in a JVM of its own with the same small heap ({@link OutOfMemoryRead}),
     * where they do not fit. The error must come out as it is, the connection must be back in the pool, no
     * transaction of the run may stay open on the server, and the next operations on the same pool must succeed.
     */
    @Test
    void an_out_of_memory_read_gives_its_connection_back_and_the_next_operations_on_the_pool_succeed()
            throws Exception {
        // On H2 the read's JVM opens a database of its own, embedded, as the workshop runs H2: a copy of the seeded
        // one in a file. Through H2's TCP server, as the stream above goes, a client stopped by the error in the
        // middle of a result can wait for ever in the rollback that follows (it reads a reply the server never
        // sends), and nothing in JDBC ends that wait: H2's JdbcConnection.abort and setNetworkTimeout do nothing.
        // See docs/reliability.md.
        Path copy = database.kind() == DatabaseKind.H2 ? copyToAFile() : null;
        try {
            String readUrl = copy == null ? url : "jdbc:h2:file:" + copy.resolve("onetomany");
            // 600 ms before the next operations: past the 500 ms after which HikariCP checks a connection before
            // lending it (see OutOfMemoryRead on a connection that the error left broken).
            Walk read = fork(List.of(HEAP, "-Doom.pause=600"), OutOfMemoryRead.class, repositoryClass, readUrl,
                    database.user(), database.password());

            System.out.printf("%s on %s, %s: %s%n", getClass().getSimpleName(), database.kind().displayName()
                            + (copy == null ? "" : " (embedded, in a file)"), HEAP, read.output().lines()
                            .filter(line -> line.startsWith("caught")).findFirst().orElse(read.output()));
            assertThat(read.exitCode()).as("the read's exit status; it printed:%n%s", read.output()).isZero();
            assertThat(read.output()).as("what the read printed")
                    .contains("caught " + OutOfMemoryError.class.getName() + ";")
                    .contains("verdict: released");
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    record Walk(int exitCode, String output) {
    }

    /** Runs {@link StreamWalk} in a new JVM with the small heap and this JVM's classpath. */
    static Walk walk(String repositoryClass, String url, String user, String password, String read)
            throws IOException, InterruptedException {
        return fork(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"), StreamWalk.class, repositoryClass, url, user,
                password, read, String.valueOf(POSTS_PER_USER));
    }

    /** Runs {@code main} in a new JVM with the given options and this JVM's classpath. */
    static Walk fork(List<String> options, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        // The output goes to a file, so that a JVM that hangs is ended after the timeout instead of holding the
        // test on a read of its output.
        Path output = Files.createTempFile("large-stream-", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Walk(-1, "timed out after " + TIMEOUT_SECONDS + " s; it printed:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Walk(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * The seeded H2 database copied to a file database in a new folder, for another JVM to open embedded: the
     * statements of H2's {@code SCRIPT} run one by one on the copy, which is closed when this returns.
     */
    private Path copyToAFile() throws IOException, SQLException {
        Path folder = Files.createTempDirectory("large-stream-h2-");
        try (Connection seeded = database.unproxiedDataSource().getConnection();
             Statement read = seeded.createStatement();
             ResultSet script = read.executeQuery("script");
             Connection copy = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("onetomany"),
                     database.user(), database.password());
             Statement write = copy.createStatement()) {
            while (script.next()) {
                // The script of an in-memory database creates MEMORY tables, which a file database reads whole into
                // the heap when it opens: here, CACHED tables, read page by page as on any file database.
                write.execute(script.getString(1).replaceFirst("^CREATE MEMORY TABLE ", "CREATE CACHED TABLE "));
            }
            write.execute("shutdown"); // closed, and its file free for the other JVM, before this returns
        }
        return folder;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Server startH2TcpServer() throws SQLException, IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
    }
}
