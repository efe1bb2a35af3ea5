package onetomany.exercises.contract;

/**
 * Exercise 10: one comment of a {@link PostDraft}, as a form sends it back: the id of a comment the post has, or
 * null for a new one, and its body.
 */
public record CommentDraft(Long id, String body) {

    /** A comment still to be inserted. */
    public static CommentDraft newComment(String body) {
        return new CommentDraft(null, body);
    }
}
