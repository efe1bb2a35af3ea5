package onetomany.exercises.contract;

/** Exercise 4: cascade="all, delete-orphan", two levels down. */
public interface Ex4Cascade {

    /**
     * Deletes the user, his posts and their comments, in one unit of work. At most 3 of its statements are
     * selects, and it sends at most one statement per deleted row besides.
     */
    void deleteUser(long userId);

    /**
     * Removes a comment from its post's comments, which deletes it (delete-orphan), in at most 2 statements.
     *
     * @return false, and nothing deleted, when the post has no such comment
     */
    boolean removeComment(long postId, long commentId);
}
