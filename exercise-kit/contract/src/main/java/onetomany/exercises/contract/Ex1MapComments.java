package onetomany.exercises.contract;

import java.util.Optional;

/** Exercise 1: map {@code comments}, the foreign key and both directions. */
public interface Ex1MapComments {

    /** Adds a comment to an existing post and returns its id: exactly 1 statement, the insert. */
    long addComment(long postId, String body);

    /**
     * The comment with its post and all of that post's comments, in exactly 1 statement; empty if there is no
     * such comment. The comment is one of {@code comment.getPost().getComments()}, the very same instance.
     */
    Optional<Comment> findComment(long commentId);
}
