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

    /**
     * Lock the user's row ({@code select ... for update}), then insert. Without the lock, a user deleted by a
     * concurrent unit of work could keep the new post: H2's foreign key check does not wait for a delete that is
     * not committed yet, and both commits succeed (PostgreSQL and MariaDB lock the row for the check themselves).
     * An unknown user is found by the select, before anything is written.
     */
    default int addPost() {
        return 2;
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

    /**
     * Lock the user's row, delete the user's posts in one statement, then the user. The lock makes a concurrent
     * {@link #addPost()} wait and then find no user, instead of slipping a post in between the two deletes (which
     * would make the foreign key refuse the user's delete).
     */
    default int deleteUser(int posts) {
        return 3;
    }
}
