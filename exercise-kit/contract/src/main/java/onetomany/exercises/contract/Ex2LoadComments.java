package onetomany.exercises.contract;

import java.util.List;
import java.util.Optional;

/**
 * Exercise 2: posts with their comments, without N+1. Posts ordered by id, comments ordered by id, posts without
 * comments included with an empty list, each comment's post the very post that holds it. The posts' authors are
 * not loaded.
 */
public interface Ex2LoadComments {

    /** One post with its comments, in exactly 1 statement; empty when there is no such post. */
    Optional<CommentedPost> findPostWithComments(long postId);

    /** All posts with their comments, in exactly 1 statement: a join. */
    List<CommentedPost> findAllPostsWithCommentsJoined();

    /** All posts with their comments, in exactly 2 statements however many posts there are (1 with no post). */
    List<CommentedPost> findAllPostsWithCommentsSelectIn();
}
