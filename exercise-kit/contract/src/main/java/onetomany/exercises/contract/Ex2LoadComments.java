package onetomany.exercises.contract;

import java.util.List;
import java.util.Optional;

import onetomany.contract.LoadStrategy;

/**
 * Exercise 2: posts with their comments, without N+1. Posts ordered by id, comments ordered by id, posts without
 * comments included with an empty list, each comment's post the very post that holds it. The posts' authors are
 * not loaded.
 */
public interface Ex2LoadComments {

    /**
     * The most post ids one statement of {@link #findAllPostsWithCommentsSelectIn()} looks up, as the main contract's
     * {@code SELECT_IN} and SQLAlchemy's {@code selectinload}: {@value}.
     */
    int POST_IDS_PER_STATEMENT = LoadStrategy.IDS_PER_STATEMENT;

    /** One post with its comments, in exactly 1 statement; empty when there is no such post. */
    Optional<CommentedPost> findPostWithComments(long postId);

    /** All posts with their comments, in exactly 1 statement: a join. */
    List<CommentedPost> findAllPostsWithCommentsJoined();

    /**
     * All posts with their comments: the posts, then their comments by chunks of at most
     * {@value #POST_IDS_PER_STATEMENT} post ids ({@code post_id in (...)}), in exactly 1 + &lceil;N / 500&rceil;
     * statements for N posts (1 with no post).
     */
    List<CommentedPost> findAllPostsWithCommentsSelectIn();
}
