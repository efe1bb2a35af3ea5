package onetomany.exercises;

import java.util.List;
import java.util.Optional;

import onetomany.exercises.contract.CommentedPost;
import onetomany.exercises.contract.Ex2LoadComments;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Exercise 2: joinedload and selectinload (by chunks of 500 post ids) of post.comments, counted. */
@Tag("ex2")
public abstract class Ex2LoadCommentsContract extends ExerciseContract {

    @Test
    @Order(1)
    void one_post_is_found_with_its_comments_in_one_statement() {
        fixtures.usersWithPosts(1, 3);
        comments.commentOnEveryPost(i -> i == 1 ? 0 : 3);
        List<Long> posts = comments.longs("select id from posts order by id");
        List<String> all = comments.describePostsWithComments();

        CommentedPost first = exactly(1, say("ex2.call_with_3"),
                () -> exercises.findPostWithComments(posts.get(0))).orElseThrow(() -> new AssertionError(
                        say("common.found_nothing", say("ex2.call_with_3"))));
        assertThat(walk(say("ex2.walk_post"), () -> Trees.describePosts(List.of(first))))
                .containsExactlyElementsOf(all.subList(0, 4));

        CommentedPost second = exactly(1, say("ex2.call_without"),
                () -> exercises.findPostWithComments(posts.get(1))).orElseThrow(() -> new AssertionError(
                        say("common.found_nothing", say("ex2.call_without"))));
        assertThat(second.getComments()).as(say("ex2.comments_of_none")).isEmpty();

        Optional<CommentedPost> none = exactly(1, say("common.call_unknown_id", "findPostWithComments"),
                () -> exercises.findPostWithComments(424242));
        assertThat(none).as(say("common.unknown_id", "findPostWithComments")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 10, 100})
    @Order(2)
    void all_posts_are_loaded_with_their_comments_joined_in_one_statement(int posts) {
        fixtures.usersWithPosts(1, posts);
        comments.commentOnEveryPost(i -> i % 3);

        List<CommentedPost> loaded = exactly(1, say("ex2.call_posts", "findAllPostsWithCommentsJoined()", posts),
                exercises::findAllPostsWithCommentsJoined);

        assertThat(walk(say("ex2.walk_posts"), () -> Trees.describePosts(loaded)))
                .containsExactlyElementsOf(comments.describePostsWithComments());
    }

    /** 1 + ⌈N / 500⌉: 2 statements up to 500 posts, 3 from 501 on, as the main contract's SELECT_IN. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 10, 100, 500, 501})
    @Order(3)
    void all_posts_are_loaded_with_their_comments_select_in_by_chunks_of_at_most_500_post_ids(int posts) {
        fixtures.usersWithPosts(1, posts);
        comments.commentOnEveryPost(i -> i % 3);
        int chunks = (posts + Ex2LoadComments.POST_IDS_PER_STATEMENT - 1) / Ex2LoadComments.POST_IDS_PER_STATEMENT;

        List<CommentedPost> loaded = exactly(1 + chunks,
                say("ex2.call_posts", "findAllPostsWithCommentsSelectIn()", posts),
                exercises::findAllPostsWithCommentsSelectIn);

        assertThat(walk(say("ex2.walk_posts"), () -> Trees.describePosts(loaded)))
                .containsExactlyElementsOf(comments.describePostsWithComments());
    }

    @Test
    @Order(4)
    void no_posts_load_as_an_empty_list() {
        assertThat(exactly(1, say("ex2.call_no_post", "findAllPostsWithCommentsJoined()"),
                exercises::findAllPostsWithCommentsJoined)).as(say("ex2.no_posts")).isEmpty();
        assertThat(exactly(1, say("ex2.call_no_post", "findAllPostsWithCommentsSelectIn()"),
                exercises::findAllPostsWithCommentsSelectIn)).as(say("ex2.no_posts")).isEmpty();
    }
}
