package onetomany.springdatajdbc;

import java.sql.Connection;
import java.sql.SQLException;

import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.db.Database;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring context a repository starts over the caller's DataSource, and what closing it leaves. */
class SpringDataJdbcConfigurationTest {

    @Test
    void closing_the_repository_closes_its_context_and_leaves_the_callers_data_source_open() throws SQLException {
        try (Database database = Database.open()) {
            SpringDataJdbcUserPostRepository repository =
                    new SpringDataJdbcUserPostRepository(database.dataSource());
            repository.createUserWithPosts(new NewUser("Alice"));

            repository.close(); // a Spring context closes the AutoCloseable beans it holds, unless told not to

            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(connection.isValid(1)).as("a connection of the DataSource after the close").isTrue();
            }
            try (SpringDataJdbcUserPostRepository again = new SpringDataJdbcUserPostRepository(database.dataSource())) {
                assertThat(again.findAllUsersWithPosts(LoadStrategy.JOINED)).hasSize(1);
            }
        }
    }

    @Test
    void the_dialect_of_h2_postgresql_and_mariadb_reads_generated_keys_from_a_batch_so_a_user_costs_two_inserts() {
        try (Database database = Database.open();
             SpringDataJdbcUserPostRepository repository =
                     new SpringDataJdbcUserPostRepository(database.dataSource())) {
            database.statements().reset();

            repository.createUserWithPosts(new NewUser("Alice", new NewPost("First Post", null),
                    new NewPost("Second Post", null), new NewPost("Third Post", null)));

            assertThat(database.statements().count()).as("the user, then his 3 posts in one batch:%n%s",
                    database.statements()).isEqualTo(2).isEqualTo(repository.budget().createUserWithPosts(3));
        }
    }
}
