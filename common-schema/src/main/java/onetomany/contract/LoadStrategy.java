package onetomany.contract;

/**
 * How to load users together with their posts: the seeds' {@code joinedload} and {@code selectinload}, and
 * the N+1 problem they exist to avoid.
 */
public enum LoadStrategy {

    /**
     * One statement: {@code users left join posts}, ordered by user id and post id, the duplicated user
     * columns folded back into one object per user (the seeds' {@code .unique()}). Best for small results:
     * every user's columns travel once per post.
     */
    JOINED,

    /**
     * Two statements: the users, then all their posts in one {@code ... where user_id in (...)}. No duplicated
     * columns, so better for large data, as the seeds recommend {@code selectinload} there. One statement when
     * there is no user: there is nothing to look up.
     */
    SELECT_IN,

    /**
     * Lazy loading, one statement for the users and one more per user for its posts: N+1 statements.
     * Kept on purpose, to show the problem the other two strategies solve.
     */
    NAIVE
}
