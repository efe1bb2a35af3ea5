package onetomany.contract;

import java.util.List;

/**
 * The "one" side: a row of {@code users} with its posts ({@code user.posts} in the seeds).
 *
 * <p>Every library maps its own class to this view. A {@code User} that a repository returns is complete:
 * its posts are loaded, ordered by post id, and each post's {@link Post#getAuthor()} is this very instance.
 */
public interface User {

    Long getId();

    String getName();

    /** This user's posts, ordered by id; empty, never null, for a user without posts. */
    List<? extends Post> getPosts();
}
