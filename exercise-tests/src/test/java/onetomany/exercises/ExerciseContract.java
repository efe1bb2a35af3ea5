package onetomany.exercises;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import onetomany.contract.Fixtures;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.exercises.contract.Exercises;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.fail;

/**
 * What every exercise's tests share, in the style of the contract suite: one migrated database per test class,
 * empty tables before each test, statements counted through the proxy (reset &rarr; act &rarr; count), expected
 * data read with plain JDBC. A library's test class is one line: its {@link #createExercises(DataSource)}.
 *
 * <p>Tests run in the order of their {@code @Order}, simplest first: the board reports the first that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ExerciseContract {

    protected Database database;
    protected Exercises exercises;
    protected StatementLog statements;
    protected Fixtures fixtures;
    protected CommentFixtures comments;

    /** The library's exercises, built over the given (counting) DataSource. */
    protected abstract Exercises createExercises(DataSource dataSource);

    @BeforeAll
    void openDatabase() {
        database = Database.open();
        statements = database.statements();
        fixtures = new Fixtures(database.unproxiedDataSource());
        comments = new CommentFixtures(database.unproxiedDataSource());
        exercises = createExercises(database.dataSource());
    }

    @AfterAll
    void closeDatabase() {
        if (exercises != null) {
            exercises.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startFromEmptyTables() {
        comments.deleteAllComments();
        database.deleteAllRows();
        statements.reset();
    }

    /** Runs the call and checks it sent exactly {@code expected} statements. */
    protected <T> T exactly(int expected, String call, Supplier<T> work) {
        statements.reset();
        T result = work.get();
        int sent = statements.count();
        if (sent != expected) {
            fail("%s sent %d statements, expected %d%s:%n%s", call, sent, expected,
                    sent > expected ? " (one per row is the N+1 problem)" : "", statements);
        }
        statements.reset();
        return result;
    }

    /** Runs the call and checks it sent at most {@code max} statements. */
    protected <T> T atMost(int max, String call, Supplier<T> work) {
        statements.reset();
        T result = work.get();
        int sent = statements.count();
        if (sent > max) {
            fail("%s sent %d statements, at most %d allowed (one per row is the N+1 problem):%n%s", call, sent, max,
                    statements);
        }
        return result;
    }

    /** Walks a returned graph, which must be complete: walking it sends nothing. */
    protected List<String> walk(String what, Supplier<List<String>> describe) {
        statements.reset();
        List<String> lines = describe.get();
        if (statements.count() > 0) {
            fail("walking %s sent %d statements: it was not completely loaded:%n%s", what, statements.count(),
                    statements);
        }
        return lines;
    }
}
