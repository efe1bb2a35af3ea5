package onetomany.contract;

/**
 * The exact number of statements each write costs in one library.
 *
 * <p>The defaults are what hand-written SQL needs: one statement per row written, and a user's posts deleted
 * in one statement. A library whose idiom costs more overrides the method and says why; the suite asserts the
 * number, and the difference is one of the workshop's findings. Reads are not here: they cost the same in
 * every library (see {@link UserPostRepository}).
 */
public interface StatementBudget {

    /** Insert the user, then one insert per post (generated ids must come back for each row). */
    default int createUserWithPosts(int posts) {
        return 1 + posts;
    }

    /** One insert; a missing user is refused by the foreign key. */
    default int addPost() {
        return 1;
    }

    /** One delete of the post, restricted to the user; {@code postsOfUser} is how many posts the user has. */
    default int removePost(int postsOfUser) {
        return 1;
    }

    /** One update. */
    default int renameUser() {
        return 1;
    }

    /** One update. */
    default int editPost() {
        return 1;
    }

    /** Delete the user's posts in one statement, then the user. */
    default int deleteUser(int posts) {
        return 2;
    }
}
