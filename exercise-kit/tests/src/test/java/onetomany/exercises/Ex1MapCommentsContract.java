package onetomany.exercises;

import java.util.List;
import java.util.Optional;

import onetomany.exercises.contract.Comment;
import onetomany.exercises.contract.CommentedPost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Exercise 1: the foreign key (written by the insert) and both directions (read back, same instances). */
@Tag("ex1")
public abstract class Ex1MapCommentsContract extends ExerciseContract {

    @Test
    @Order(1)
    @DisplayName("a comment added to a post is one insert that writes the post's id")
    void a_comment_added_to_a_post_is_one_insert_that_writes_the_posts_id() {
        long alice = fixtures.insertUser("Alice");
        long first = fixtures.insertPost(alice, "First Post", null);
        long second = fixtures.insertPost(alice, "Second Post", null);

        long id = exactly(1, "addComment(second post, \"Nice post\")", () -> exercises.addComment(second, "Nice post"));

        assertThat(comments.longs("select post_id from comments where id = ?", id))
                .as("comments.post_id of the new comment %d", id).containsExactly(second);
        assertThat(comments.describePostsWithComments()).containsExactly(
                Trees.post(first, "First Post", 0),
                Trees.post(second, "Second Post", 0), Trees.comment(id, "Nice post", 1));
    }

    @Test
    @Order(2)
    @DisplayName("a comment is found in one statement with its post and that post's comments, the same instances")
    void a_comment_is_found_in_one_statement_with_its_post_and_that_posts_comments_the_same_instances() {
        fixtures.usersWithPosts(2, 2);
        comments.commentOnEveryPost(i -> 3);
        List<Long> postIds = comments.longs("select id from posts order by id");
        long post = postIds.get(2);
        long wanted = comments.longs("select id from comments where post_id = ? order by id", post).get(1);

        Comment comment = exactly(1, "findComment", () -> exercises.findComment(wanted))
                .orElseThrow(() -> new AssertionError("findComment(" + wanted + ") found nothing"));

        assertThat(comment.getId()).isEqualTo(wanted);
        assertThat(comment.getBody()).isEqualTo("comment 2 on post " + post);
        CommentedPost parent = comment.getPost();
        assertThat(parent).as("comment.getPost()").isNotNull();
        assertThat(parent.getId()).as("the comment's post").isEqualTo(post);
        List<String> expected = onePost(comments.describePostsWithComments(), post);
        assertThat(walk("the comment's post and its comments", () -> Trees.describePosts(List.of(parent))))
                .containsExactlyElementsOf(expected);
        assertThat(parent.getComments().stream().filter(c -> c == comment).count())
                .as("the comment found must be in post.comments as the very same instance, once").isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_comment_that_does_not_exist_is_not_found() {
        fixtures.usersWithPosts(1, 1);

        Optional<Comment> none = exactly(1, "findComment(unknown id)", () -> exercises.findComment(424242));

        assertThat(none).as("findComment of an id that does not exist").isEmpty();
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
