package onetomany.exercises.contract;

/**
 * Exercise 10: {@code savePostWithComments} refused a draft, and wrote nothing of it (the unit of work was rolled
 * back). Each library throws it, never its own exception, so that the tests can tell the reasons apart.
 */
public class DraftRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /**
         * The post was saved by someone else since the draft was read: its version is no longer the draft's (a
         * lost update, prevented). Trying the same draft again fails the same way: read the post again.
         */
        STALE_VERSION,
        /** There is no post with the draft's id. */
        UNKNOWN_POST,
        /**
         * The draft names a comment id that is not one of this post's comments (another post's, or none), or names
         * one twice.
         */
        UNKNOWN_COMMENT
    }

    private final transient Reason reason;

    public DraftRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The draft was read at {@code draftVersion}; the post is now at another (or changed while being saved). */
    public static DraftRefused staleVersion(long postId, long draftVersion, Throwable cause) {
        return new DraftRefused(Reason.STALE_VERSION, "post " + postId + " was saved by someone else since version "
                + draftVersion + " was read: read it again", cause);
    }

    public static DraftRefused unknownPost(long postId) {
        return new DraftRefused(Reason.UNKNOWN_POST, "post " + postId + " does not exist", null);
    }

    public static DraftRefused unknownComment(long postId, Object commentId) {
        return new DraftRefused(Reason.UNKNOWN_COMMENT, "comment " + commentId + " is not a comment of post "
                + postId, null);
    }

    public Reason reason() {
        return reason;
    }
}
