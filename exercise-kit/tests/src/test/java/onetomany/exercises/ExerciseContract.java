package onetomany.exercises;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import onetomany.fixtures.Fixtures;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.exercises.contract.Exercises;
import onetomany.libraries.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every exercise's tests share, in the style of the contract suite: one migrated database per test class,
 * empty tables before each test, statements counted through the proxy (reset &rarr; act &rarr; count), expected
 * data read with plain JDBC. A library's test class is one line: {@code @Tag("<key>")}, the key of its library in
 * the registry ({@link Library}), which builds that library's exercises and which the progress board reads; each
 * exercise's suite carries the tag {@code ex<n>}, its number.
 *
 * <p>Tests run in the order of their {@code @Order}, simplest first: the board reports the first that fails. What
 * a test says when it fails (and each test's name on the board) is in {@link Checks}, in English and in Russian:
 * {@code say(key, args)}, never a sentence written here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ExerciseContract {

    protected Database database;
    protected Exercises exercises;
    protected StatementLog statements;
    protected Fixtures fixtures;
    protected CommentFixtures comments;

    /**
     * What the tests call instead of the library's exercises, when set: the board's own test runs the suites on
     * exercises that fail on purpose (stubs, wrong results, an earlier exercise unsolved), to see what the board
     * says of them. Null (the library's own exercises) everywhere else.
     */
    public static volatile BiFunction<Library, Exercises, Exercises> substitute;

    /** The library's exercises, built over the given (counting) DataSource. */
    protected Exercises createExercises(DataSource dataSource) {
        Exercises exercises = library().exercises(dataSource, Exercises.class);
        BiFunction<Library, Exercises, Exercises> instead = substitute;
        return instead == null ? exercises : instead.apply(library(), exercises);
    }

    /** The library of this test class: the registry's library whose key is one of the class's tags. */
    protected Library library() {
        List<String> tags = Arrays.stream(getClass().getAnnotationsByType(Tag.class)).map(Tag::value).toList();
        return Library.WORKSHOP.stream().filter(library -> tags.contains(library.key())).findFirst()
                .orElseThrow(() -> new IllegalStateException(getClass().getName() + " is tagged " + tags
                        + ", none of which is the key of a library in " + Library.FILE));
    }

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
            fail(say("common.sent_exactly", call, sent, expected, perRow(), listed()));
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
            fail(say("common.sent_at_most", call, sent, max, perRow(), listed()));
        }
        return result;
    }

    /** Walks a returned graph, which must be complete: walking it sends nothing. */
    protected List<String> walk(String what, Supplier<List<String>> describe) {
        statements.reset();
        List<String> lines = describe.get();
        if (statements.count() > 0) {
            fail(say("common.walk", what, statements.count(), perRow(), listed()));
        }
        return lines;
    }

    /** How many statements a failure message lists; the rest are counted, not shown. */
    static final int LISTED = 12;

    /** The statements sent, numbered, at most {@link #LISTED} of them, saying how many were left out. */
    protected String listed() {
        List<StatementLog.Executed> sent = statements.executed();
        StringBuilder out = new StringBuilder(sent.size() <= LISTED ? "" : say("common.showing", LISTED, sent.size()));
        for (int i = 0; i < Math.min(LISTED, sent.size()); i++) {
            out.append(out.isEmpty() ? "" : System.lineSeparator())
                    .append(String.format("  %d. %s", i + 1, sent.get(i)));
        }
        if (sent.size() > LISTED) {
            out.append(System.lineSeparator()).append(say("common.more", sent.size() - LISTED));
        }
        return out.toString();
    }

    /**
     * Names the N+1 problem only when it is there: one select sent again and again with only its parameters
     * changing, once per row of an earlier result (three times or more: 1 + N with N &ge; 2). Two statements
     * where one was allowed are something else.
     */
    protected String perRow() {
        Map<String, Long> repeats = statements.executed().stream()
                .map(StatementLog.Executed::toString)
                .filter(sql -> sql.regionMatches(true, 0, "select", 0, 6))
                .collect(Collectors.groupingBy(sql -> sql, LinkedHashMap::new, Collectors.counting()));
        return repeats.entrySet().stream().filter(e -> e.getValue() >= 3).findFirst()
                .map(e -> say("common.n_plus_one", e.getValue()))
                .orElse("");
    }
}
