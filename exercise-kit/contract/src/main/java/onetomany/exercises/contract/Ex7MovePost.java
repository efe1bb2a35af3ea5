package onetomany.exercises.contract;

import onetomany.contract.User;

/** Exercise 7: re-parenting a child. */
public interface Ex7MovePost {

    /**
     * Gives a post to another user, in at most 4 statements: the post keeps its id and its comments (it is
     * updated, never deleted and re-inserted). Returns the new author with all his posts, the moved one among
     * them, each post's author that very user.
     */
    User movePost(long postId, long toUserId);
}
