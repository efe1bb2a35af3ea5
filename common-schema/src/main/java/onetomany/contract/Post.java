package onetomany.contract;

/**
 * The "many" side: a row of {@code posts}; {@code post.author} in SQLAlchemy is the user that
 * {@code posts.user_id} points to.
 */
public interface Post {

    Long getId();

    String getTitle();

    /** Nullable: SQLAlchemy's {@code content = Column(String)}. */
    String getContent();

    /** The user this post belongs to; never null for a post a repository returns. */
    User getAuthor();
}
