package onetomany.exercises;

import java.util.List;

import onetomany.contract.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Exercise 7: a post changes hands; it is updated, never deleted (the orphan-removal trap). */
@Tag("ex7")
public abstract class Ex7MovePostContract extends ExerciseContract {

    @Test
    @Order(1)
    void a_moved_post_keeps_its_id_and_comments_and_changes_author() {
        long alice = fixtures.insertUser("Alice");
        long bob = fixtures.insertUser("Bob");
        long a1 = fixtures.insertPost(alice, "A1", null);
        long a2 = fixtures.insertPost(alice, "A2", null);
        fixtures.insertPost(bob, "B1", null);
        fixtures.insertPost(bob, "B2", null);
        long c1 = comments.insertComment(a2, "first comment");
        long c2 = comments.insertComment(a2, "second comment");

        User newAuthor = atMost(4, say("ex7.call", "A2", "Bob"), () -> exercises.movePost(a2, bob));

        assertThat(comments.longs("select user_id from posts where id = ?", a2))
                .as(say("ex7.user_id_of_moved", a2)).containsExactly(bob);
        assertThat(comments.longs("select id from comments where post_id = ? order by id", a2))
                .as(say("ex7.moved_comments")).containsExactly(c1, c2);
        assertThat(comments.longs("select id from posts where user_id = ? order by id", alice))
                .as(say("ex7.alice_after")).containsExactly(a1);
        assertThat(newAuthor.getId()).as(say("ex7.returned_author")).isEqualTo(bob);
        List<String> expected = comments.describeUsersWithPosts().subList(2, 6);
        assertThat(walk(say("ex7.walk"), () -> Trees.describeUsersWithPosts(List.of(newAuthor))))
                .as(say("ex7.bob_with_all"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    void a_post_moved_to_its_own_author_stays_where_it_is() {
        long alice = fixtures.insertUser("Alice");
        long a1 = fixtures.insertPost(alice, "A1", null);
        long a2 = fixtures.insertPost(alice, "A2", null);
        comments.insertComment(a1, "a comment");

        User author = atMost(4, say("ex7.call", "A1", "Alice"), () -> exercises.movePost(a1, alice));

        assertThat(comments.longs("select id from posts where user_id = ? order by id", alice))
                .as(say("ex7.alices_posts")).containsExactly(a1, a2);
        assertThat(author.getPosts()).extracting(p -> p.getId()).as(say("ex7.posts_returned"))
                .containsExactly(a1, a2);
        assertThat(comments.count("select count(*) from comments")).as(say("ex7.comments")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_post_moved_to_bob_then_back_to_alice_is_the_same_row_with_its_comments_each_time() {
        long alice = fixtures.insertUser("Alice");
        long bob = fixtures.insertUser("Bob");
        long a1 = fixtures.insertPost(alice, "A1", null);
        long a2 = fixtures.insertPost(alice, "A2", null);
        long b1 = fixtures.insertPost(bob, "B1", null);
        long c1 = comments.insertComment(a1, "on A1");
        long c2 = comments.insertComment(b1, "on B1");

        User there = atMost(4, say("ex7.call", "A1", "Bob"), () -> exercises.movePost(a1, bob));
        assertThat(there.getPosts()).extracting(p -> p.getId()).as(say("ex7.bob_after_a1")).containsExactly(a1, b1);
        User back = atMost(4, say("ex7.call_back", "A1", "Alice"), () -> exercises.movePost(a1, alice));
        assertThat(back.getPosts()).extracting(p -> p.getId()).as(say("ex7.alice_after_a1_back"))
                .containsExactly(a1, a2);
        User other = atMost(4, say("ex7.call", "B1", "Alice"), () -> exercises.movePost(b1, alice));
        assertThat(other.getPosts()).extracting(p -> p.getId()).as(say("ex7.alice_after_b1"))
                .containsExactly(a1, a2, b1);

        assertThat(comments.longs("select user_id from posts where id in (?, ?, ?) order by id", a1, a2, b1))
                .as(say("ex7.user_ids")).containsExactly(alice, alice, alice);
        assertThat(comments.longs("select id from posts where user_id = ? order by id", bob))
                .as(say("ex7.bob_at_end")).isEmpty();
        assertThat(comments.longs("select id from comments order by id")).as(say("ex7.comments_kept"))
                .containsExactly(c1, c2);
        assertThat(comments.longs("select post_id from comments order by id")).as(say("ex7.comments_posts"))
                .containsExactly(a1, b1);
    }
}
