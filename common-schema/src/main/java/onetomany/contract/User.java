package onetomany.contract;

import java.util.List;

/**
 * The "one" side: a row of {@code users} with its posts ({@code user.posts} in SQLAlchemy).
 *
 * <p>Every library maps its own class to this view. A {@code User} that a repository returns is complete:
 * its posts are loaded, ordered by post id, and each post's {@link Post#getAuthor()} is this very instance.
 */
public interface User {

    Long getId();

    String getName();

    /** This user's posts, ordered by id; empty, never null, for a user without posts. */
    List<? extends Post> getPosts();

    /**
     * {@code users.version}: 0 for a new user, one more after each write through the contract that changed the
     * user or any of his posts (the user is the root of the aggregate). A {@link UserDraft} carries it back, so
     * that a save made from an older read is refused instead of overwriting what was saved since.
     *
     * <p>Every user the repositories of {@code module-jpa}, {@code module-mybatis} and {@code module-jdbi} return
     * has it.
     */
    long getVersion();
}
