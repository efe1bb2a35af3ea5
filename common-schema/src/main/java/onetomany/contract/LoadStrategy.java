package onetomany.contract;

/**
 * How to load users together with their posts: SQLAlchemy's {@code joinedload}, {@code selectinload} and
 * {@code subqueryload}, and the N+1 problem they exist to avoid.
 *
 * <p>What each one costs in statements is {@link #statements(int)}: the contract's one definition, which the
 * shared suite, the comparison report and the benchmarks all use.
 */
public enum LoadStrategy {

    /**
     * One statement: {@code users left join posts}, ordered by user id and post id, the duplicated user
     * columns folded back into one object per user (SQLAlchemy's {@code .unique()}). Best for small results:
     * every user's columns travel once per post.
     */
    JOINED,

    /**
     * SQLAlchemy's {@code selectinload}: the users, then their posts by a list of user ids,
     * {@code ... where user_id in (?, ?, ...)}, at most {@value #IDS_PER_STATEMENT} ids a statement, as
     * SQLAlchemy does. No duplicated columns, so better for large data; the chunks keep every statement within
     * what a database protocol can carry (PostgreSQL's bind parameters are counted in 16 bits), whatever N.
     * 1 + &lceil;N / {@value #IDS_PER_STATEMENT}&rceil; statements: 1 when there is no user.
     */
    SELECT_IN,

    /**
     * SQLAlchemy's {@code subqueryload}: the users, then all their posts in one statement that runs the users'
     * query again as a subquery, {@code ... where user_id in (select id from users ...)}. Two statements whatever
     * N (1 when there is no user), no list of ids to send; the price is the users' query run twice.
     */
    SUBQUERY,

    /**
     * Lazy loading, one statement for the users and one more per user for its posts: N+1 statements.
     * Kept on purpose, to show the problem the other strategies solve.
     */
    NAIVE;

    /** The most user ids one statement of {@link #SELECT_IN} looks up: SQLAlchemy's chunk size for selectinload. */
    public static final int IDS_PER_STATEMENT = 500;

    /**
     * The exact number of statements {@link UserPostRepository#findAllUsersWithPosts(LoadStrategy)} sends for
     * {@code users} users, in every library: {@code JOINED} 1; {@code SELECT_IN} 1 + &lceil;N / 500&rceil;;
     * {@code SUBQUERY} 2, or 1 with no user; {@code NAIVE} 1 + N.
     */
    public int statements(int users) {
        if (users < 0) {
            throw new IllegalArgumentException("users: " + users);
        }
        return switch (this) {
            case JOINED -> 1;
            case SELECT_IN -> 1 + (users + IDS_PER_STATEMENT - 1) / IDS_PER_STATEMENT;
            case SUBQUERY -> users == 0 ? 1 : 2;
            case NAIVE -> 1 + users;
        };
    }
}
