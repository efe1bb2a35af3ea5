package onetomany.suites;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.RepositoryException;
import onetomany.contract.StatementBudget;
import onetomany.contract.UserDraft;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.fixtures.Fixtures;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

    /** The save of a draft in the writes' arrangement: Alicia, her first post kept, the second edited, the third
     * removed, two new. */
    static final String SAVE = "saveUserWithPosts (rename, add 2, edit 1, remove 1)";

    /** Each write of the contract, by name, and how many statements it sends in this library ({@link #budget}). */
    Map<String, Integer> writeBudgets() {
        return Map.of(
                "createUserWithPosts (3 posts)", budget.createUserWithPosts(3),
                "deleteUser (3 posts)", budget.deleteUser(3),
                "addPost", budget.addPost(),
                "removePost", budget.removePost(3),
                "renameUser", budget.renameUser(),
                "editPost", budget.editPost(),
                SAVE, budget.saveUserWithPosts(2, 1, 1, true));
    }

    /** The writes of {@link #writeBudgets()} with each of their statements: (name, 1), (name, 2), ... */
    Stream<Arguments> writesAtEachStatement() {
        return writeBudgets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(w -> IntStream.rangeClosed(1, w.getValue()).mapToObj(n -> Arguments.of(w.getKey(), n)));
    }

    /** Alice with three posts and Bob with one, written by fixtures; returns the named write, made on Alice. */
    Runnable arrangeWrite(String write) {
        long alice = fixtures.insertUser("Alice");
        long first = fixtures.insertPost(alice, "First Post", "one");
        long second = fixtures.insertPost(alice, "Second Post", "two");
        fixtures.insertPost(alice, "Third Post", "three");
        fixtures.insertPost(fixtures.insertUser("Bob"), "Bob's Post", null);
        UserDraft draft = new UserDraft(alice, fixtures.versionOf(alice), "Alicia", List.of(
                new UserDraft.PostDraft(first, "First Post", "one"),
                new UserDraft.PostDraft(second, "Second Post, edited", "two, edited"),
                UserDraft.PostDraft.added("Fourth Post", "four"),
                UserDraft.PostDraft.added("Fifth Post", null)));
        return switch (write) {
            case "createUserWithPosts (3 posts)" -> () -> repository.createUserWithPosts(new NewUser("Carol",
                    new NewPost("1", null), new NewPost("2", null), new NewPost("3", null)));
            case "deleteUser (3 posts)" -> () -> repository.deleteUser(alice);
            case "addPost" -> () -> repository.addPost(alice, new NewPost("Fourth Post", null));
            case "removePost" -> () -> repository.removePost(alice, first);
            case "renameUser" -> () -> repository.renameUser(alice, "Alicia");
            case "editPost" -> () -> repository.editPost(first, "Edited", "edited");
            case SAVE -> () -> repository.saveUserWithPosts(draft);
            default -> throw new IllegalArgumentException(write);
        };
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
}
