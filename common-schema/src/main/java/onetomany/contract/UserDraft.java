package onetomany.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user and his complete list of posts as they come back from a form or an API, changed, to be saved at once by
 * {@link UserPostRepository#saveUserWithPosts(UserDraft)}: SQLAlchemy's "change {@code user.posts}, then
 * {@code commit()}".
 *
 * <p>Values are not checked here (a null or too long name or title reaches the library, which refuses it with a
 * {@link RepositoryException}, as for the other writes). What is checked is the draft's own shape: a post id may
 * appear once only, since one post cannot become two.
 *
 * @param userId  the user to save
 * @param version the user's {@link User#getVersion()} when the draft was read: the save is refused with
 *                {@link RepositoryException.Reason#CONFLICT} if the user has changed since
 * @param name    the user's name, at most {@value Limits#USER_NAME_LENGTH} characters, not null
 * @param posts   every post the user has afterwards, in this order (new posts' ids follow it); null means none
 */
public record UserDraft(long userId, long version, String name, List<PostDraft> posts) {

    public UserDraft {
        posts = posts == null ? List.of() : List.copyOf(posts);
        Set<Long> ids = new HashSet<>();
        for (PostDraft post : posts) {
            if (post.id() != null && !ids.add(post.id())) {
                throw new IllegalArgumentException("post " + post.id() + " is in the draft twice");
            }
        }
    }

    /** The draft of a user as read: his id, version, name and posts, unchanged. */
    public static UserDraft of(User user) {
        List<PostDraft> posts = new ArrayList<>();
        for (Post post : user.getPosts()) {
            posts.add(new PostDraft(post.getId(), post.getTitle(), post.getContent()));
        }
        return new UserDraft(user.getId(), user.getVersion(), user.getName(), posts);
    }

    /** This draft with another name. */
    public UserDraft withName(String newName) {
        return new UserDraft(userId, version, newName, posts);
    }

    /** This draft with another list of posts. */
    public UserDraft withPosts(List<PostDraft> newPosts) {
        return new UserDraft(userId, version, name, newPosts);
    }

    /**
     * One post of a draft.
     *
     * @param id      the id of one of the user's posts, or null for a new post
     * @param title   at most {@value Limits#POST_TITLE_LENGTH} characters, not null
     * @param content any length, nullable
     */
    public record PostDraft(Long id, String title, String content) {

        /** A new post, to be inserted. */
        public static PostDraft added(String title, String content) {
            return new PostDraft(null, title, content);
        }
    }
}
