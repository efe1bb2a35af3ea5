package onetomany.jpa;

import onetomany.contract.NewUser;
import onetomany.db.Database;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code close()} closes the session factory: no unit of work starts after it, and the DataSource stays open. */
class JpaUserPostRepositoryCloseTest {

    @Test
    void a_closed_repository_starts_no_unit_of_work_and_leaves_the_data_source_open() throws Exception {
        try (Database database = Database.h2()) {
            JpaUserPostRepository repository = new JpaUserPostRepository(database.dataSource());
            long alice = repository.createUserWithPosts(new NewUser("Alice")).getId();

            repository.close();

            assertThatThrownBy(() -> repository.findUserWithPosts(alice)).hasStackTraceContaining("closed");
            assertThat(database.activeConnections()).as("connections held").isZero();
            try (var connection = database.dataSource().getConnection()) {
                assertThat(connection.isValid(1)).as("the DataSource, after the repository's close").isTrue();
            }
        }
    }
}
