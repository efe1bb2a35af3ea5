package onetomany.suites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.Post;
import onetomany.contract.StatementBudget;
import onetomany.contract.User;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.fixtures.Fixtures;
import onetomany.fixtures.Fixtures.Seeded;
import onetomany.fixtures.Fixtures.SeededUser;
import onetomany.fixtures.Graphs;
import onetomany.operations.Operation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the shared suites have in common: one database and one repository per test class, empty tables and a
 * reset statement log before each test, and the check that a refused call changed nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryTestSupport {

    /**
     * The tag of the tests that take ten seconds or more each (large data, long runs): left out of a plain
     * {@code ./mvnw test}, run by {@code ./mvnw test -Pall-tests} (what CI runs, on every database) or alone with
     * {@code ./mvnw test -Pall-tests -Dgroups=slow}.
     */
    static final String SLOW = "slow";

    Database database;
    UserPostRepository repository;
    StatementLog statements;
    Fixtures fixtures;
    StatementBudget budget;

    /** The library under test, built over the given (counting) DataSource. */
    protected abstract UserPostRepository createRepository(DataSource dataSource);

    /** How this suite's database pool is set up; the fault suite asks for a small one. */
    Database.Settings databaseSettings() {
        return Database.Settings.DEFAULT;
    }

    @BeforeAll
    void openDatabase() {
        database = Database.open(databaseSettings());
        repository = createRepository(database.dataSource());
        statements = database.statements();
        fixtures = new Fixtures(database.unproxiedDataSource());
        budget = repository.budget();
    }

    @AfterAll
    void closeDatabase() throws Exception {
        if (repository != null) {
            repository.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startFromEmptyTables() {
        database.deleteAllRows();
        database.faults().clear();
        statements.failNothing();
        statements.reset();
    }

    /**
     * Every write of the catalogue ({@link Operation#allWrites()}), named by its contract method: what the
     * reliability and fault suites make fail at each statement, at the commit and after it.
     */
    Stream<Named<Operation>> writes() {
        return Operation.allWrites().map(write -> Named.of(write.title(), write));
    }

    /**
     * The writes of {@link #writes()} with each of their statements, (write, 1), (write, 2), ..., as many as the
     * library's {@link #budget} says the write sends on the arrangement of {@link #arrangeWrite(Operation)} (made
     * here once to count them; each test starts again from empty tables).
     */
    Stream<Arguments> writesAtEachStatement() {
        Seeded arranged = arrangeWrites();
        return Operation.allWrites().flatMap(write -> IntStream
                .rangeClosed(1, write.expectedStatements(budget, arranged))
                .mapToObj(n -> Arguments.of(Named.of(write.title(), write), n)));
    }

    /** Alice with three posts and Bob with one, written by fixtures; returns the given write, made on Alice. */
    Runnable arrangeWrite(Operation write) {
        Seeded arranged = arrangeWrites();
        return () -> write.perform(repository, arranged);
    }

    /** Alice with three posts, then Bob with one, written by fixtures: the catalogue's writes are made on Alice. */
    private Seeded arrangeWrites() {
        long alice = fixtures.insertUser("Alice");
        List<Long> alicesPosts = List.of(fixtures.insertPost(alice, "First Post", "one"),
                fixtures.insertPost(alice, "Second Post", "two"),
                fixtures.insertPost(alice, "Third Post", "three"));
        long bob = fixtures.insertUser("Bob");
        long bobsPost = fixtures.insertPost(bob, "Bob's Post", null);
        return new Seeded(List.of(new SeededUser(alice, "Alice", alicesPosts),
                new SeededUser(bob, "Bob", List.of(bobsPost))));
    }

    /** The call raises the contract's exception for the given reason and field, and the tables do not change. */
    void assertRefused(ThrowingCallable call, Reason reason, String field, String messagePart) {
        List<String> before = fixtures.snapshot();
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(RepositoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.field()).isEqualTo(Optional.ofNullable(field));
                    assertThat(e.getMessage()).contains(messagePart);
                });
        assertThat(fixtures.snapshot()).as("the tables after a refused call").isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------
    // What the suites check with

    /**
     * The statements counted since the last {@code statements.reset()} are exactly {@code expected}. It only looks:
     * the log is left as it is, and a test resets it itself before the next thing it counts.
     */
    void assertStatements(int expected, String operation) {
        assertThat(statements.count())
                .as("statements sent by %s:%n%s", operation, statements)
                .isEqualTo(expected);
    }

    /**
     * Walks a returned graph: it must be complete, so walking it sends nothing. Resets the log first, so that it
     * counts the walk alone.
     */
    List<String> walkUsers(List<? extends User> users) {
        statements.reset();
        List<String> lines = Graphs.describeUsers(users);
        assertStatements(0, "walking the returned users and posts");
        return lines;
    }

    /** The same for posts with their authors. */
    List<String> walkPosts(List<? extends Post> posts) {
        statements.reset();
        List<String> lines = Graphs.describePosts(posts);
        assertStatements(0, "walking the returned posts and authors");
        return lines;
    }

    /** Rows sent by the statements starting with {@code sql}: a batch's size, or 1 for a statement on its own. */
    static int rowsSent(List<StatementLog.Executed> sent, String sql) {
        return sent.stream().filter(e -> e.sql().get(0).toLowerCase(Locale.ROOT).startsWith(sql))
                .mapToInt(e -> Math.max(1, e.batchSize())).sum();
    }

    /** Bob's user and post rows. */
    List<String> bobsRows() {
        return fixtures.snapshot().stream().filter(row -> row.contains("Bob")).toList();
    }

    /** Locks the user's row for {@code connection}'s transaction, as another client of the database. */
    static void lockUser(Connection connection, long userId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from users where id = ? for update")) {
            lock.setLong(1, userId);
            lock.executeQuery().close();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
