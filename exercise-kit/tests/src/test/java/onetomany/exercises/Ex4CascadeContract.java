package onetomany.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import onetomany.db.StatementLog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Exercise 4: cascade="all, delete-orphan" two levels down, without N+1 loads. */
@Tag("ex4")
public abstract class Ex4CascadeContract extends ExerciseContract {

    @Test
    @Order(1)
    void deleting_a_user_deletes_his_posts_and_their_comments_and_nothing_else() {
        List<Long> users = fixtures.usersWithPosts(3, 5);
        comments.commentOnEveryPost(i -> 2);
        long victim = users.get(1);
        int deletedRows = 1 + 5 + 10;
        // Each user is 16 lines (himself, 5 posts, 10 comments): the first and the third stay.
        List<String> before = comments.describeUsersPostsComments();
        List<String> expected = new ArrayList<>(before.subList(0, 16));
        expected.addAll(before.subList(32, 48));

        exercises.deleteUser(victim);

        List<StatementLog.Executed> sent = statements.executed();
        long selects = sent.stream().filter(e -> e.toString().toLowerCase(Locale.ROOT).startsWith("select")).count();
        if (selects > 3) {
            fail("deleteUser(a user with 5 posts, 2 comments each) sent %d selects, at most 3 allowed%s:%n%s", selects,
                    perRow(), listed());
        }
        if (sent.size() - selects > deletedRows) {
            fail("deleteUser(a user with 5 posts, 2 comments each) sent %d writes for %d rows:%n%s",
                    sent.size() - selects, deletedRows, listed());
        }
        assertThat(comments.describeUsersPostsComments()).as("the other users, their posts and comments")
                .containsExactlyElementsOf(expected);
        assertThat(comments.count("select count(*) from posts where user_id = ?", victim))
                .as("posts of the deleted user").isZero();
    }

    @Test
    @Order(2)
    void deleting_a_user_without_posts_deletes_him() {
        long alice = fixtures.insertUser("Alice");
        long bob = fixtures.insertUser("Bob");
        fixtures.insertPost(bob, "Bob's Post", null);

        atMost(3, "deleteUser(a user without posts)", () -> {
            exercises.deleteUser(alice);
            return null;
        });

        assertThat(comments.longs("select id from users order by id")).as("the users left").containsExactly(bob);
    }

    @Test
    @Order(3)
    void a_comment_removed_from_post_comments_is_deleted_as_an_orphan() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", null);
        long other = fixtures.insertPost(alice, "Second Post", null);
        long keep1 = comments.insertComment(post, "one");
        long removed = comments.insertComment(post, "two");
        long keep2 = comments.insertComment(post, "three");
        long elsewhere = comments.insertComment(other, "four");

        boolean done = atMost(2, "removeComment", () -> exercises.removeComment(post, removed));

        assertThat(done).as("removeComment of a comment of that post").isTrue();
        assertThat(comments.longs("select id from comments order by id")).as("the comments left")
                .containsExactly(keep1, keep2, elsewhere);
    }

    @Test
    @Order(4)
    void a_comment_is_not_removed_through_a_post_it_does_not_belong_to() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", null);
        long other = fixtures.insertPost(alice, "Second Post", null);
        long mine = comments.insertComment(post, "one");
        long elsewhere = comments.insertComment(other, "two");

        boolean done = atMost(2, "removeComment(through the wrong post)",
                () -> exercises.removeComment(post, elsewhere));

        assertThat(done).as("removeComment of a comment of another post").isFalse();
        assertThat(comments.longs("select id from comments order by id")).as("the comments left")
                .containsExactly(mine, elsewhere);
    }
}
