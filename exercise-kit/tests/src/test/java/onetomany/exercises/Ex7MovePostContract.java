package onetomany.exercises;

import java.util.List;

import onetomany.contract.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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

        User newAuthor = atMost(4, "movePost(A2 to Bob)", () -> exercises.movePost(a2, bob));

        assertThat(comments.longs("select user_id from posts where id = ?", a2))
                .as("posts.user_id of the moved post %d (no row: it was deleted)", a2).containsExactly(bob);
        assertThat(comments.longs("select id from comments where post_id = ? order by id", a2))
                .as("the moved post's comments").containsExactly(c1, c2);
        assertThat(comments.longs("select id from posts where user_id = ? order by id", alice))
                .as("Alice's posts after the move").containsExactly(a1);
        assertThat(newAuthor.getId()).as("the user movePost returns: the new author").isEqualTo(bob);
        List<String> expected = comments.describeUsersWithPosts().subList(2, 6);
        assertThat(walk("the new author and his posts", () -> Trees.describeUsersWithPosts(List.of(newAuthor))))
                .as("Bob with all his posts in id order, the moved one among them")
                .containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    void a_post_moved_to_its_own_author_stays_where_it_is() {
        long alice = fixtures.insertUser("Alice");
        long a1 = fixtures.insertPost(alice, "A1", null);
        long a2 = fixtures.insertPost(alice, "A2", null);
        comments.insertComment(a1, "a comment");

        User author = atMost(4, "movePost(A1 to Alice)", () -> exercises.movePost(a1, alice));

        assertThat(comments.longs("select id from posts where user_id = ? order by id", alice))
                .as("Alice's posts").containsExactly(a1, a2);
        assertThat(author.getPosts()).extracting(p -> p.getId()).as("the posts of the user returned")
                .containsExactly(a1, a2);
        assertThat(comments.count("select count(*) from comments")).as("comments").isEqualTo(1);
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

        User there = atMost(4, "movePost(A1 to Bob)", () -> exercises.movePost(a1, bob));
        assertThat(there.getPosts()).extracting(p -> p.getId()).as("Bob's posts after A1 came").containsExactly(a1, b1);
        User back = atMost(4, "movePost(A1 back to Alice)", () -> exercises.movePost(a1, alice));
        assertThat(back.getPosts()).extracting(p -> p.getId()).as("Alice's posts after A1 came back")
                .containsExactly(a1, a2);
        User other = atMost(4, "movePost(B1 to Alice)", () -> exercises.movePost(b1, alice));
        assertThat(other.getPosts()).extracting(p -> p.getId()).as("Alice's posts after B1 came")
                .containsExactly(a1, a2, b1);

        assertThat(comments.longs("select user_id from posts where id in (?, ?, ?) order by id", a1, a2, b1))
                .as("posts.user_id of A1, A2, B1 (a missing row was deleted)").containsExactly(alice, alice, alice);
        assertThat(comments.longs("select id from posts where user_id = ? order by id", bob))
                .as("Bob's posts at the end").isEmpty();
        assertThat(comments.longs("select id from comments order by id")).as("the comments, never deleted")
                .containsExactly(c1, c2);
        assertThat(comments.longs("select post_id from comments order by id")).as("the comments' posts")
                .containsExactly(a1, b1);
    }
}
