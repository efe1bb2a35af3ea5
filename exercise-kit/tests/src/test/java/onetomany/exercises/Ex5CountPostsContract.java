package onetomany.exercises;

import java.util.List;
import java.util.Locale;

import onetomany.exercises.contract.PostCount;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Exercise 5: count in the database, one statement, zeros included. */
@Tag("ex5")
public abstract class Ex5CountPostsContract extends ExerciseContract {

    @Test
    @Order(1)
    void posts_are_counted_per_user_in_one_statement_and_a_user_without_posts_counts_zero() {
        long alice = fixtures.insertUser("Alice");
        long bob = fixtures.insertUser("Bob");
        long carol = fixtures.insertUser("Carol");
        for (int i = 1; i <= 3; i++) {
            fixtures.insertPost(alice, "Alice's post " + i, null);
        }
        fixtures.insertPost(carol, "Carol's post", null);
        comments.commentOnEveryPost(i -> 2); // a join with comments would count 2 per post

        List<PostCount> counts = exactly(1, "countPostsPerUser()", exercises::countPostsPerUser);

        assertThat(counts).as(say("ex5.counts_in_order")).containsExactly(
                new PostCount(alice, "Alice", 3), new PostCount(bob, "Bob", 0), new PostCount(carol, "Carol", 1));
    }

    @Test
    @Order(2)
    void fifty_users_are_counted_in_one_statement() {
        List<Long> users = fixtures.usersWithPosts(50, 2);

        List<PostCount> counts = exactly(1, say("ex5.call_fifty"), exercises::countPostsPerUser);

        assertThat(counts).extracting(PostCount::userId).as(say("ex5.users_counted")).containsExactlyElementsOf(users);
        assertThat(counts).extracting(PostCount::posts).as(say("ex5.counts")).containsOnly(2L);
    }

    @Test
    @Order(3)
    void the_one_statement_is_a_count() {
        fixtures.usersWithPosts(3, 2);
        statements.reset();

        exercises.countPostsPerUser();

        assertThat(statements.executed()).as(say("ex5.statements")).hasSize(1);
        assertThat(statements.executed().get(0).toString().toLowerCase(Locale.ROOT))
                .as(say("ex5.sql"))
                .contains("count(").contains("group by");
    }
}
