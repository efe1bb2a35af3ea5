package onetomany.mybatis;

import onetomany.contract.RepositoryException;
import onetomany.db.Database;
import onetomany.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plugin the repository registers with MyBatis: a {@code Cursor} whose query the database refuses has its
 * statement closed by the repository, before the connection goes back to the pool (MyBatis 3.5.19 alone leaves it
 * for the pool to close). The repository is built here, in the test, so that the registration itself is tested.
 */
class MyBatisCursorStatementTest {

    @Test
    void a_stream_whose_query_fails_closes_its_statement_before_the_connection_goes_back() {
        try (Database database = Database.h2()) {
            MyBatisUserPostRepository repository = new MyBatisUserPostRepository(database.dataSource());
            new Fixtures(database.unproxiedDataSource()).usersWithPosts(2, 1);
            database.statements().failStatement(1);

            assertThatThrownBy(() -> repository.forEachUserWithPosts(user -> { }))
                    .isInstanceOf(RepositoryException.class);

            assertThat(database.openStatements()).as("statements opened %d, never closed",
                    database.openedStatements()).isZero();
            assertThat(database.activeConnections()).as("connections held").isZero();
        }
    }
}
