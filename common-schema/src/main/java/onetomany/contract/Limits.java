package onetomany.contract;

/** The column limits of the schema ({@code db/migration/V1__users_and_posts.sql}), for messages and tests. */
public final class Limits {

    /** {@code users.name varchar(100) not null}. */
    public static final int USER_NAME_LENGTH = 100;

    /** {@code posts.title varchar(200) not null}. */
    public static final int POST_TITLE_LENGTH = 200;

    private Limits() {
    }
}
