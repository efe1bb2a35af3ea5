package onetomany.exercises.contract;

/** Exercise 10: a post with its comments and its version, {@code posts.version}. */
public interface VersionedPost extends CommentedPost {

    /** The version of the post and its comments: 0 when inserted, 1 more after each save that changed them. */
    long getVersion();
}
