package onetomany.contract;

/**
 * The exact number of statements each write costs in one library.
 *
 * <p>The defaults are what hand-written SQL needs: one statement per row written (or per JDBC batch, where one
 * unit of work writes several rows of one kind), a user's posts deleted in one statement, and the user's version
 * bumped by every write that changes him or one of his posts. A library whose idiom costs more overrides the
 * method and says why; the suite asserts the number, and the difference is one of the workshop's findings.
 * Reads are not here: they cost the same in every library (see {@link UserPostRepository}).
 */
public interface StatementBudget {

    /** Insert the user, then one insert per post (generated ids must come back for each row). */
    default int createUserWithPosts(int posts) {
        return 1 + posts;
    }

    /**
     * Bump the user's version ({@code update users set version = version + 1 where id = ?}), then insert. The
     * update also locks the user's row until the commit, as {@code select ... for update} would: without the lock,
     * a user deleted by a concurrent unit of work could keep the new post (H2's foreign key check does not wait for
     * a delete that is not committed yet, and both commits succeed; PostgreSQL and MariaDB lock the row for the
     * check themselves). An unknown user is found by the update (no row), before anything is written.
     */
    default int addPost() {
        return 2;
    }

    /**
     * Bump the user's version (which locks his row), then one delete of the post, restricted to the user;
     * {@code postsOfUser} is how many posts the user has.
     */
    default int removePost(int postsOfUser) {
        return 2;
    }

    /** One update: the name and the version together. */
    default int renameUser() {
        return 1;
    }

    /**
     * Find the post's user ({@code select user_id from posts where id = ?}, no lock), bump his version (which locks
     * his row), then update the post, restricted to that user. The user's row is locked before the post's, as in
     * every other write: an update of the user whose subquery reads the post would lock the post first on MariaDB,
     * and deadlock with a {@link #removePost(int)} of the same post, which holds the user and waits for the post.
     */
    default int editPost() {
        return 3;
    }

    /**
     * Save a user with his posts from a draft ({@link UserPostRepository#saveUserWithPosts(UserDraft)}):
     * {@code added} new posts, {@code changed} posts whose title or content differ, {@code removed} posts missing
     * from the draft, {@code renamed} if the name differs. Hand-written SQL, batched:
     * <ol>
     * <li>load the user with his posts (1), to compare the draft with;</li>
     * <li>if anything differs, {@code update users set name = ?, version = version + 1 where id = ? and
     *     version = ?} (1), its row count checked: 0 rows is a concurrent save, a conflict. It locks the user's row
     *     before any post is written;</li>
     * <li>the deletes, the updates and the inserts, each kind one JDBC batch (1 each, when there is one): the
     *     inserts' generated ids come back from the batch.</li>
     * </ol>
     * Posts unchanged cost nothing; a draft equal to what is stored costs the load alone.
     */
    default int saveUserWithPosts(int added, int changed, int removed, boolean renamed) {
        boolean anything = added + changed + removed > 0 || renamed;
        return 1 + (anything ? 1 : 0) + (removed > 0 ? 1 : 0) + (changed > 0 ? 1 : 0) + (added > 0 ? 1 : 0);
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
