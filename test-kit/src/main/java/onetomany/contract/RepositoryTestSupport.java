package onetomany.contract;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import onetomany.contract.RepositoryException.Reason;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

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
