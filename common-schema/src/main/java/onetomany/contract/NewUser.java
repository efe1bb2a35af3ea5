package onetomany.contract;

import java.util.List;

/**
 * A user to create together with its new posts, as in the seed script:
 * {@code user1 = User(name="Alice")}, posts with {@code author=user1}, then {@code session.add(user1)}.
 *
 * <p>Values are not checked here: a null name reaches the library, which must refuse it with a
 * {@link RepositoryException}. That is how the workshop shows where each library checks what. The length and the
 * characters of a text are checked by every library in the same way, before any statement ({@link TextChecks}).
 *
 * @param name  the user's name, at most {@value Limits#USER_NAME_LENGTH} characters, not null
 * @param posts the posts to create with the user, in this order (their ids follow it); null means none
 */
public record NewUser(String name, List<NewPost> posts) {

    public NewUser {
        posts = posts == null ? List.of() : List.copyOf(posts);
    }

    public NewUser(String name, NewPost... posts) {
        this(name, List.of(posts));
    }
}
