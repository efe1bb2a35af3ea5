package onetomany.exercises.contract;

import java.util.List;

/**
 * Exercise 10: a post as a form or an API sends it back, changed: its id, the {@link VersionedPost#getVersion()
 * version} it was read at, its title and content, and the complete list of its comments (the ones left out are
 * to be deleted).
 */
public record PostDraft(long postId, long version, String title, String content, List<CommentDraft> comments) {

    public PostDraft {
        comments = List.copyOf(comments);
    }
}
