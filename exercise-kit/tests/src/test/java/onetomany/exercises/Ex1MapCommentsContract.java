package onetomany.exercises;

import java.util.List;
import java.util.Optional;

import onetomany.exercises.contract.Comment;
import onetomany.exercises.contract.CommentedPost;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Exercise 1: the foreign key (written by the insert) and both directions (read back, same instances). */
@Tag("ex1")
public abstract class Ex1MapCommentsContract extends ExerciseContract {

    @Test
    @Order(1)
    void a_comment_added_to_a_post_is_one_insert_that_writes_the_posts_id() {
        long alice = fixtures.insertUser("Alice");
        long first = fixtures.insertPost(alice, "First Post", null);
        long second = fixtures.insertPost(alice, "Second Post", null);

        long id = exactly(1, say("ex1.call_add"), () -> exercises.addComment(second, "Nice post"));

        assertThat(comments.longs("select post_id from comments where id = ?", id))
                .as(say("ex1.post_id_of_new", id)).containsExactly(second);
        assertThat(comments.describePostsWithComments()).containsExactly(
                Trees.post(first, "First Post", 0),
                Trees.post(second, "Second Post", 0), Trees.comment(id, "Nice post", 1));
    }

    @Test
    @Order(2)
    void a_comment_is_found_in_one_statement_with_its_post_and_that_posts_comments_the_same_instances() {
        fixtures.usersWithPosts(2, 2);
        comments.commentOnEveryPost(i -> 3);
        List<Long> postIds = comments.longs("select id from posts order by id");
        long post = postIds.get(2);
        long wanted = comments.longs("select id from comments where post_id = ? order by id", post).get(1);

        Comment comment = exactly(1, "findComment", () -> exercises.findComment(wanted))
                .orElseThrow(() -> new AssertionError(say("common.found_nothing", "findComment(" + wanted + ")")));

        assertThat(comment.getId()).as(say("ex1.id_found")).isEqualTo(wanted);
        assertThat(comment.getBody()).as(say("ex1.body_found")).isEqualTo("comment 2 on post " + post);
        CommentedPost parent = comment.getPost();
        assertThat(parent).as("comment.getPost()").isNotNull();
        assertThat(parent.getId()).as(say("ex1.the_comments_post")).isEqualTo(post);
        List<String> expected = onePost(comments.describePostsWithComments(), post);
        assertThat(walk(say("ex1.walk_post"), () -> Trees.describePosts(List.of(parent))))
                .containsExactlyElementsOf(expected);
        assertThat(parent.getComments().stream().filter(c -> c == comment).count())
                .as(say("ex1.same_instance")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_comment_that_does_not_exist_is_not_found() {
        fixtures.usersWithPosts(1, 1);

        Optional<Comment> none = exactly(1, say("common.call_unknown_id", "findComment"),
                () -> exercises.findComment(424242));

        assertThat(none).as(say("common.unknown_id", "findComment")).isEmpty();
    }

    private static List<String> onePost(List<String> lines, long postId) {
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("post " + postId + " ")).findFirst()
                .orElseThrow());
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("post ")) {
            end++;
        }
        return lines.subList(start, end);
    }
}
