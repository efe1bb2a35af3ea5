package onetomany.jooq;

import java.util.List;

import onetomany.contract.LoadStrategy;
import onetomany.contract.OwnWays;
import onetomany.contract.User;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.fixtures.Fixtures;
import onetomany.fixtures.Graphs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jOOQ's {@code multiset}, the read the contract does not name: every user with his posts in one statement with no
 * join (each user's columns sent once), the same graph as {@code JOINED}, on the database of the run ({@code -Ddb}).
 * What each database is sent for it: a correlated subquery that aggregates the posts as JSON. The comparison report's
 * row of it ({@link OwnWays.NestedRead}) stands on this test.
 */
class JooqMultisetTest {

    @Test
    void multiset_loads_every_user_with_his_posts_in_one_statement_without_a_join_as_json() {
        try (Database database = Database.open()) {
            Fixtures fixtures = new Fixtures(database.unproxiedDataSource());
            fixtures.usersWithPosts(10, 3);
            fixtures.insertUser("Without posts");
            fixtures.insertPost(fixtures.insertUser("With a null content"), "Only Post", null);
            UserPostRepository repository = new JooqUserPostRepository(database.dataSource());
            List<User> joined = repository.findAllUsersWithPosts(LoadStrategy.JOINED);
            database.statements().reset();

            // As the comparison report reaches it: through the contract's repository and the optional interface.
            assertThat(repository).isInstanceOf(OwnWays.NestedRead.class);
            List<User> users = ((OwnWays.NestedRead) repository).findAllUsersWithPostsByMultiset();

            List<StatementLog.Executed> sent = database.statements().executed();
            assertThat(sent).as("multiset: one statement").hasSize(1);
            assertThat(sent.get(0).toString()).as("what %s is sent", database.kind())
                    .doesNotContainPattern("(?i)\\bjoin\\b").containsPattern("(?i)json");
            assertThat(users).hasSize(12);
            assertThat(Graphs.describeUsers(users)).isEqualTo(Graphs.describeUsers(joined));
            assertThat(users.get(11).getPosts().get(0).getContent()).isNull();
            Graphs.assertBackReferences(users);
        }
    }
}
