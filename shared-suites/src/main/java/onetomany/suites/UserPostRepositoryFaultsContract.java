package onetomany.suites;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.User;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.DatabaseKind;
import onetomany.fixtures.Fixtures;
import onetomany.operations.Operation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The shared fault suite: what every library must do when the database, not the input, goes wrong — a connection
 * the server ends in the middle of a unit of work, at its commit or just after it; a storm of such kills; a server
 * restart; an exhausted pool; lock conflicts; a statement past its timeout. The answer is always the contract's
 * {@link RepositoryException} with a reason that tells the caller what to do, nothing half-written, and a pool that
 * recovers on its own.
 *
 * <p>The server ends sessions the way an operator would ({@code pg_terminate_backend}, MariaDB's
 * {@code KILL CONNECTION}; on H2, {@code ABORT_SESSION}, the closest an embedded database has), and only sessions
 * of this run (see {@link Database#killAllSessions()}). Restarting the server is asked for explicitly with
 * {@code -Dfaults.restart=true}: a run pointed at someone else's server never restarts it.
 *
 * <p>A module subclasses it with one line, as it does the contract's suites
 * ({@link UserPostRepositoryLoadingContract} and the others).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class UserPostRepositoryFaultsContract extends RepositoryTestSupport {

    /** Every test here must end within this; a unit of work that hangs fails the test instead of the build. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Override
    Database.Settings databaseSettings() {
        // A small pool, so that the pool's recovery is seen at once: a pool of 2 with two dead connections in it
        // must still serve the next unit of work.
        return Database.Settings.DEFAULT.withPoolSize(2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // A connection ended by the server: during a statement, at the commit, just after the commit

    @ParameterizedTest(name = "{0}, connection ended before statement {1}")
    @MethodSource("writesAtEachStatement")
    void a_write_whose_connection_is_ended_before_any_statement_is_connection_lost_and_changes_nothing(
            Operation write, int statement) {
        Runnable call = arrangeWrite(write);
        List<String> before = fixtures.snapshot();
        database.faults().atStatement(statement, database::killSession);

        assertFails(call, Reason.CONNECTION_LOST);

        assertThat(database.faults().allFired()).as("the session was ended").isTrue();
        assertThat(fixtures.snapshot()).as("the tables after %s lost its connection at statement %d", write.title(),
                statement).isEqualTo(before);
        assertRecovered(call, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void a_write_whose_connection_is_ended_as_it_commits_has_an_unknown_outcome(Operation write) {
        Runnable call = arrangeWrite(write);
        List<String> before = fixtures.snapshot();
        database.faults().beforeCommit(database::killSession);

        assertFails(call, Reason.OUTCOME_UNKNOWN);

        assertThat(database.faults().allFired()).as("the session was ended").isTrue();
        // The session ended before the commit was sent, so here it is known: nothing was stored. The caller cannot
        // know it, which is why the reason says "unknown"; it is never a part of the unit of work.
        assertThat(fixtures.snapshot()).as("the tables after %s lost its connection at the commit", write.title())
                .isEqualTo(before);
        assertRecovered(call, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void a_write_whose_connection_is_ended_just_after_its_commit_is_a_success(Operation write) {
        Runnable call = arrangeWrite(write);
        List<String> before = fixtures.snapshot();
        database.faults().afterCommit(database::killSession);

        call.run(); // no exception: the work is stored, whatever failed after the commit

        assertThat(database.faults().allFired()).as("the session was ended after the commit").isTrue();
        List<String> after = fixtures.snapshot();
        assertThat(after).as("the tables after %s committed", write.title()).isNotEqualTo(before);
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertNextOperationSucceeds();
    }

    /** Every read, by name. */
    static Stream<String> reads() {
        List<String> reads = new ArrayList<>(List.of("findUserWithPosts", "findAllPostsWithAuthors",
                "forEachUserWithPosts"));
        for (LoadStrategy strategy : LoadStrategy.values()) {
            reads.add("findAllUsersWithPosts " + strategy);
        }
        return reads.stream();
    }

    private Supplier<Object> read(String read, long userId) {
        if (read.startsWith("findAllUsersWithPosts ")) {
            LoadStrategy strategy = LoadStrategy.valueOf(read.substring("findAllUsersWithPosts ".length()));
            return () -> repository.findAllUsersWithPosts(strategy);
        }
        return switch (read) {
            case "findUserWithPosts" -> () -> repository.findUserWithPosts(userId);
            case "findAllPostsWithAuthors" -> repository::findAllPostsWithAuthors;
            case "forEachUserWithPosts" -> () -> {
                List<String> seen = new ArrayList<>();
                repository.forEachUserWithPosts(user -> seen.add(user.getName() + " " + user.getPosts().stream()
                        .map(Post::getTitle).toList()));
                return seen;
            };
            default -> throw new IllegalArgumentException(read);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void a_read_whose_connection_is_ended_before_any_of_its_statements_is_connection_lost(String name) {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "First Post", "one");
        fixtures.insertPost(alice, "Second Post", "two");
        fixtures.insertPost(fixtures.insertUser("Bob"), "Bob's Post", null);
        Supplier<Object> read = read(name, alice);
        statements.reset();
        Object expected = read.get();
        int sent = statements.count();
        assertThat(sent).as("statements of %s", name).isPositive();

        for (int statement = 1; statement <= sent; statement++) {
            database.faults().atStatement(statement, database::killSession);
            assertFails(read::get, Reason.CONNECTION_LOST);
            assertThat(database.faults().allFired()).as("the session was ended before statement %d", statement)
                    .isTrue();
            assertThat(database.activeConnections()).as("connections still held").isZero();
            assertThat(String.valueOf(read.get())).as("%s read again after losing statement %d", name, statement)
                    .isEqualTo(String.valueOf(expected));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // A storm: creates and deletes while the server ends the run's sessions at random moments

    @Test
    void a_storm_of_ended_sessions_leaves_no_partial_user_and_no_committed_write_reported_as_failed()
            throws Exception {
        SessionStorm storm = SessionStorm.run(database, repository, fixtures, BOUND);

        // The storm ended idle connections too; the pool finds that out on their next use. Have it replace them
        // now, so that the checks below do not get a dead one.
        database.discardIdleConnections();
        // What is in the database, read with plain JDBC.
        Map<String, Long> storedUsers = fixtures.userIdsByName();
        Map<Long, Integer> postsPerUser = fixtures.postCountsByUser();
        Map<Reason, Integer> committedButFailed = storm.committedButFailed(storedUsers);
        Map<Reason, Integer> failuresByReason = storm.failuresByReason();
        System.out.printf("STORM %s %s: %d operations, %d sessions ended; %d returned (%d creates, %d deletes); "
                        + "%d failed %s; committed but reported failed %s%n",
                getClass().getSimpleName(), database.kind().displayName(), SessionStorm.OPERATIONS,
                storm.killed.get(), storm.createdAndReturned.size() + storm.deletedAndReturned.size(),
                storm.createdAndReturned.size(), storm.deletedAndReturned.size(),
                storm.createFailures.size() + storm.deleteFailures.size(), failuresByReason, committedButFailed);
        storm.examples.forEach((reason, e) -> System.out.printf("  %s, e.g.: %s%n", reason, causes(e)));

        assertThat(storm.notTheContracts).as("failures that are not the contract's exception").isEmpty();
        assertThat(storm.killed.get()).as("sessions the server ended during the storm").isPositive();
        assertThat(failuresByReason.keySet()).as("reasons given in a storm of ended sessions")
                .isSubsetOf(Reason.CONNECTION_LOST, Reason.OUTCOME_UNKNOWN, Reason.UNAVAILABLE);
        for (Map.Entry<String, Long> created : storm.createdAndReturned.entrySet()) {
            assertThat(storedUsers).as("a create that returned is stored").containsEntry(created.getKey(),
                    created.getValue());
        }
        for (long deleted : storm.deletedAndReturned) {
            assertThat(storedUsers).as("a delete that returned is done").doesNotContainValue(deleted);
        }
        for (long user : storedUsers.values()) {
            assertThat(postsPerUser.getOrDefault(user, 0)).as("posts of stored user %d: all or none", user)
                    .isEqualTo(SessionStorm.POSTS);
        }
        assertThat(fixtures.orphanPosts()).as("posts without a user").isZero();
        assertThat(committedButFailed.keySet()).as("reasons given for writes that were in fact committed")
                .isSubsetOf(Reason.OUTCOME_UNKNOWN);
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertNextOperationSucceeds();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The server restarted while the pool holds idle connections

    @Test
    @Order(Integer.MAX_VALUE) // last: the other tests of this class never start on a server that has just restarted
    void after_a_server_restart_the_next_operations_succeed_without_restarting_the_application()
            throws Exception {
        Assumptions.assumeTrue(database.kind() != DatabaseKind.H2,
                "not run: an in-memory H2 database has no server to restart");
        Assumptions.assumeTrue(Boolean.getBoolean("faults.restart"),
                "not run: restarting the database server is asked for with -Dfaults.restart=true "
                        + "(never done on a server this run was merely pointed at)");
        long alice = repository.createUserWithPosts(new NewUser("Alice", new NewPost("First Post", null))).getId();
        assertThat(database.pooledConnections()).as("connections the pool holds before the restart").isPositive();

        List<Reason> duringTheRestart = new CopyOnWriteArrayList<>();
        List<Throwable> notTheContracts = new CopyOnWriteArrayList<>();
        AtomicBoolean restarted = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> client = pool.submit(() -> {
                while (!restarted.get()) {
                    try {
                        repository.findUserWithPosts(alice);
                    } catch (RepositoryException e) {
                        duringTheRestart.add(e.reason());
                    } catch (RuntimeException notOurs) {
                        notTheContracts.add(notOurs);
                    }
                    sleep(20);
                }
            });
            restartServer(database.kind());
            restarted.set(true);
            client.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } finally {
            restarted.set(true);
            pool.shutdownNow();
        }
        System.out.printf("RESTART %s %s: failures while the server restarted %s%n", getClass().getSimpleName(),
                database.kind().displayName(), duringTheRestart);

        assertThat(notTheContracts).as("failures that are not the contract's exception").isEmpty();
        assertThat(duringTheRestart).as("reasons given while the server was down")
                .allMatch(reason -> reason == Reason.CONNECTION_LOST || reason == Reason.UNAVAILABLE);
        // The first operations after it: no new repository, no new pool.
        assertThat(repository.findUserWithPosts(alice)).as("Alice, read after the restart").isPresent();
        repository.addPost(alice, new NewPost("After the restart", null));
        assertThat(fixtures.countPostsOf(alice)).isEqualTo(2);
        assertThat(database.activeConnections()).as("connections still held").isZero();
        // The pool may still hold a connection from before the restart that nobody has used since: replace it, so
        // that the tests after this one start from a pool with no dead connection in it.
        database.discardIdleConnections();
    }

    /** Runs {@code scripts/restart-database.sh KIND} (or {@code -Dfaults.restart.command}), bounded in time. */
    private static void restartServer(DatabaseKind kind) throws IOException, InterruptedException {
        String command = System.getProperty("faults.restart.command");
        List<String> argv = command == null || command.isBlank()
                ? List.of("bash", repositoryRoot().resolve("scripts/restart-database.sh").toString(),
                        kind.switchValue())
                : List.of("bash", "-c", command + " " + kind.switchValue());
        // The output goes to a file, not a pipe: a server started by the script may keep the pipe open for good.
        Path log = Files.createTempFile("restart-database", ".log");
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(BOUND.toSeconds() * 2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the restart of %s did not end within %d s", kind.displayName(), BOUND.toSeconds() * 2);
            }
            assertThat(process.exitValue()).as("%s said: %s", argv, Files.readString(log)).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("scripts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the repository's root (with mvnw and scripts/) is not above "
                + Path.of("").toAbsolutePath());
    }

    // ---------------------------------------------------------------------------------------------------------
    // An exhausted pool, lock conflicts, a statement past its timeout

    @Test
    void when_every_connection_is_busy_a_unit_of_work_waits_the_pool_timeout_then_is_unavailable()
            throws Exception {
        // 2 s to wait for a connection: long enough that the first unit of work gets the pool's only connection on
        // a busy machine (the pool may have to open a new one), short enough for the test.
        // The lock wait is set far longer, so that the first one is still blocked when the second gives up (H2's own
        // lock timeout, a few seconds, would end it first).
        Database.Settings settings = Database.Settings.DEFAULT.withPoolSize(1)
                .withConnectionTimeout(Duration.ofSeconds(2)).withLockTimeout(Duration.ofSeconds(30));
        try (Database small = Database.open(settings);
             UserPostRepository library = createRepository(small.dataSource());
             Connection other = small.adminConnection()) {
            Fixtures data = new Fixtures(small.unproxiedDataSource());
            long alice = data.insertUser("Alice");
            long bob = data.insertUser("Bob");
            other.setAutoCommit(false);
            lockUser(other, alice); // another client holds Alice's row
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                // This unit of work takes the pool's only connection and waits for Alice's row.
                Future<?> blocked = pool.submit(() -> library.addPost(alice, new NewPost("Blocked", null)));
                long deadline = System.nanoTime() + BOUND.toNanos();
                while (small.activeConnections() < 1 && !blocked.isDone() && System.nanoTime() < deadline) {
                    sleep(10);
                }
                if (blocked.isDone()) {
                    blocked.get(); // it did not wait for the lock: show why
                }
                assertThat(small.activeConnections()).as("the first unit of work holds the only connection")
                        .isEqualTo(1);

                assertThatThrownBy(() -> library.findUserWithPosts(bob))
                        .isInstanceOfSatisfying(RepositoryException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));

                other.rollback(); // the other client lets go: the blocked unit of work goes on and succeeds
                blocked.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            } finally {
                other.rollback();
                pool.shutdownNow();
            }
            assertThat(data.countPostsOf(alice)).isEqualTo(1);
            assertThat(library.findUserWithPosts(bob)).isPresent();
            assertThat(small.activeConnections()).as("connections still held").isZero();
        }
    }

    @Test
    void a_lock_wait_past_the_lock_timeout_is_a_conflict_that_changes_nothing_and_is_safe_to_retry()
            throws Exception {
        Database.Settings settings = Database.Settings.DEFAULT.withLockTimeout(Duration.ofMillis(500));
        try (Database timed = Database.open(settings);
             UserPostRepository library = createRepository(timed.dataSource());
             Connection other = timed.adminConnection()) {
            Fixtures data = new Fixtures(timed.unproxiedDataSource());
            long alice = data.insertUser("Alice");
            data.insertPost(alice, "First Post", null);
            List<String> before = data.snapshot();
            other.setAutoCommit(false);
            try {
                lockUser(other, alice);
                assertThatThrownBy(() -> library.deleteUser(alice))
                        .isInstanceOfSatisfying(RepositoryException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
                assertThatThrownBy(() -> library.addPost(alice, new NewPost("Second Post", null)))
                        .isInstanceOfSatisfying(RepositoryException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
            } finally {
                other.rollback();
            }
            assertThat(data.snapshot()).as("the tables after two conflicts").isEqualTo(before);
            library.addPost(alice, new NewPost("Second Post", null)); // the same call, tried again
            assertThat(data.countPostsOf(alice)).isEqualTo(2);
            assertThat(timed.activeConnections()).as("connections still held").isZero();
        }
    }

    @Test
    void a_deadlock_is_broken_by_the_database_and_the_unit_of_work_is_a_conflict_or_done_never_half_done()
            throws Exception {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", null);
        fixtures.insertPost(alice, "Second Post", null);
        List<String> before = fixtures.snapshot();

        Deadlock.Outcome deadlock = Deadlock.ofDeleteUser(database, repository, alice, post, BOUND);

        if (deadlock.failure().isPresent()) {
            assertThat(deadlock.failure().get().reason()).isEqualTo(Reason.CONFLICT);
            assertThat(fixtures.snapshot()).as("the tables after the deadlock's victim").isEqualTo(before);
            assertThat(deadlock.otherWasTheVictim()).as("exactly one of the two was chosen").isFalse();
            repository.deleteUser(alice); // safe to try again
        } else {
            assertThat(deadlock.otherWasTheVictim()).as("the other client was the deadlock's victim").isTrue();
        }
        assertThat(fixtures.count("users")).isZero();
        assertThat(fixtures.count("posts")).isZero();
        assertThat(database.activeConnections()).as("connections still held").isZero();
    }

    @Test
    void a_statement_past_the_statement_timeout_is_a_timeout_that_frees_its_connection() throws Exception {
        Assumptions.assumeTrue(database.kind() != DatabaseKind.H2,
                "not run on H2: its QUERY_TIMEOUT ends a select that waits for a row lock but not an update that "
                        + "does (the update waits for LOCK_TIMEOUT), so no statement of the contract can be slowed "
                        + "past it the same way in every library; run with -Ddb=postgres or -Ddb=mariadb");
        Database.Settings settings = Database.Settings.DEFAULT.withStatementTimeout(Duration.ofMillis(500))
                .withLockTimeout(Duration.ofSeconds(30));
        try (Database timed = Database.open(settings);
             UserPostRepository library = createRepository(timed.dataSource());
             Connection other = timed.adminConnection()) {
            Fixtures data = new Fixtures(timed.unproxiedDataSource());
            long alice = data.insertUser("Alice");
            List<String> before = data.snapshot();
            other.setAutoCommit(false);
            try {
                lockUser(other, alice); // slows the rename's update down: it waits for Alice's row
                assertThatThrownBy(() -> library.renameUser(alice, "Alicia"))
                        .isInstanceOfSatisfying(RepositoryException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
            } finally {
                other.rollback();
            }
            assertThat(data.snapshot()).isEqualTo(before);
            assertThat(timed.activeConnections()).as("connections still held").isZero();
            library.renameUser(alice, "Alicia"); // nothing in its way now
            assertThat(data.snapshot()).isNotEqualTo(before);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // An Error (out of memory, a stack overflow, an assertion) in the middle of a unit of work

    /** What the tests below throw inside a unit of work: an {@link Error}, which no library may turn into another. */
    static final class InjectedError extends AssertionError {

        InjectedError(String where) {
            super("injected: " + where);
        }
    }

    @ParameterizedTest(name = "{0}, an Error before statement {1}")
    @MethodSource("writesAtEachStatement")
    void an_error_before_any_statement_of_a_write_escapes_unchanged_and_leaves_no_connection_nor_transaction(
            Operation write, int statement) {
        Runnable call = arrangeWrite(write);
        List<String> before = fixtures.snapshot();
        InjectedError error = new InjectedError(write.title() + ", statement " + statement);
        database.faults().atStatement(statement, connection -> {
            throw error;
        });

        assertThatThrownBy(call::run).as("what %s threw", write.title()).isSameAs(error);

        assertThat(database.faults().allFired()).as("the error was thrown").isTrue();
        assertReleased();
        assertThat(fixtures.snapshot()).as("the tables after %s met an Error at statement %d", write.title(),
                statement).isEqualTo(before);
        assertRecovered(call, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void an_error_before_any_statement_of_a_read_escapes_unchanged_and_leaves_no_connection_nor_transaction(
            String name) {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "First Post", "one");
        fixtures.insertPost(fixtures.insertUser("Bob"), "Bob's Post", null);
        Supplier<Object> read = read(name, alice);
        statements.reset();
        Object expected = read.get();
        int sent = statements.count();
        assertThat(sent).as("statements of %s", name).isPositive();

        for (int statement = 1; statement <= sent; statement++) {
            InjectedError error = new InjectedError(name + ", statement " + statement);
            database.faults().atStatement(statement, connection -> {
                throw error;
            });
            assertThatThrownBy(read::get).as("what %s threw at statement %d", name, statement).isSameAs(error);
            assertThat(database.faults().allFired()).as("the error was thrown").isTrue();
            assertReleased();
            assertThat(String.valueOf(read.get())).as("%s read again after an Error at statement %d", name,
                    statement).isEqualTo(String.valueOf(expected));
        }
    }

    @Test
    void an_error_thrown_by_the_streams_consumer_escapes_unchanged_and_leaves_no_connection_nor_transaction() {
        for (int i = 0; i < 3; i++) {
            fixtures.insertPost(fixtures.insertUser("User " + i), "Post " + i, null);
        }
        for (int handedOver = 1; handedOver <= 3; handedOver++) {
            int at = handedOver;
            InjectedError error = new InjectedError("the consumer, user " + at);
            List<String> seen = new ArrayList<>();
            assertThatThrownBy(() -> repository.forEachUserWithPosts(user -> {
                seen.add(user.getName());
                if (seen.size() == at) {
                    throw error;
                }
            })).as("what the stream threw when its consumer threw at user %d", at).isSameAs(error);
            assertThat(seen).hasSize(at);
            assertReleased();
        }
        List<String> all = new ArrayList<>();
        repository.forEachUserWithPosts(user -> all.add(user.getName()));
        assertThat(all).as("the stream, run again").hasSize(3);
        assertNextOperationSucceeds();
    }

    /** No connection held by the pool, and no transaction of this run open on the server. */
    private void assertReleased() {
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertThat(database.sessionsInTransaction()).as("transactions left open on %s", database.kind().displayName())
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertFails(Runnable call, Reason reason) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason())
                        .as("the reason of %s", e).isEqualTo(reason));
    }

    private static void assertFails(Supplier<Object> call, Reason reason) {
        assertFails((Runnable) call::get, reason);
    }

    /** No connection held, and the same write, tried again, succeeds: the pool replaced the ended connection. */
    private void assertRecovered(Runnable call, List<String> before) {
        assertThat(database.activeConnections()).as("connections still held").isZero();
        call.run();
        assertThat(fixtures.snapshot()).as("the same write, tried again, changes the tables").isNotEqualTo(before);
    }

    private void assertNextOperationSucceeds() {
        User user = repository.createUserWithPosts(new NewUser("After", new NewPost("After", null)));
        assertThat(repository.findUserWithPosts(user.getId())).isPresent();
    }

    /** A failure and its causes, one line: what the storm's figures are printed with. */
    private static String causes(Throwable e) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(line.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(t.getMessage()).lines().findFirst().orElse(""));
        }
        return line.toString();
    }
}
