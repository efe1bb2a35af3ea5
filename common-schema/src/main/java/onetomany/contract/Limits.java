package onetomany.contract;

/**
 * The column limits of the schema ({@code db/migration/V1__users_and_posts.sql}), in characters: Unicode code
 * points, as PostgreSQL and MariaDB count a {@code varchar}'s length (an emoji is one, "é" written as e + U+0301 is
 * two). Checked by {@link TextChecks} before any statement, on every database.
 */
public final class Limits {

    /** {@code users.name varchar(100) not null}. */
    public static final int USER_NAME_LENGTH = 100;

    /** {@code posts.title varchar(200) not null}. */
    public static final int POST_TITLE_LENGTH = 200;

    /**
     * The most users {@link UserPostRepository#findUsersWithPostsPage(long, int)} returns at once: their posts are
     * read with one {@code user_id in (...)} of at most this many ids, the size of a select-in chunk.
     */
    public static final int PAGE_SIZE_MAX = 500;

    private Limits() {
    }

    /**
     * Checks the arguments of {@link UserPostRepository#findUsersWithPostsPage(long, int)} before any statement:
     * {@link RepositoryException.Reason#INVALID_ARGUMENT} naming {@code limit} or {@code afterUserId}.
     */
    public static void checkPage(long afterUserId, int limit) {
        if (limit < 1 || limit > PAGE_SIZE_MAX) {
            throw RepositoryException.invalidArgument("limit", limit, "1 to " + PAGE_SIZE_MAX);
        }
        if (afterUserId < 0) {
            throw RepositoryException.invalidArgument("afterUserId", afterUserId, "0 or more");
        }
    }
}
