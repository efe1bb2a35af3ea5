package onetomany.exercises.contract;

/** Exercise 10: a post and its comments saved from a draft, in one unit of work, with optimistic locking. */
public interface Ex10SaveComments {

    /**
     * Saves the draft: the post's title and content, and its comments made exactly the draft's — a comment without
     * an id inserted, one whose body changed updated, one whose body did not change not touched (no statement
     * writes it), one the draft leaves out deleted (delete-orphan). The post is the root: if anything changed, its
     * version goes up by exactly 1, and a draft read at another version is refused; if nothing changed, nothing is
     * written and the version stays. Returns the post as saved, with its new version and its comments in id
     * order, the new ones with their ids, each comment's post the very post returned.
     *
     * <p>Sends exactly {@link #statementsToSave(boolean, int, int, int)} statements. At most: 1 when nothing
     * changed (the load of the post and its comments); else the load, 1 for the post's row, 1 per added comment,
     * 1 for all the changed ones and 1 for all the removed ones (a JDBC batch is one statement).
     *
     * @throws DraftRefused with nothing written: {@code STALE_VERSION} when the post's version is not the draft's
     *                      or another save got in first, {@code UNKNOWN_POST} when there is no such post,
     *                      {@code UNKNOWN_COMMENT} when the draft names a comment id the post does not have
     */
    VersionedPost savePostWithComments(PostDraft draft);

    /**
     * This library's exact statement count for {@link #savePostWithComments(PostDraft)}, for a draft that edits
     * the post's own title or content or not ({@code postEdited}), and adds, changes and removes that many
     * comments. The tests hold the library to it, and to the ceiling above.
     */
    int statementsToSave(boolean postEdited, int added, int changed, int removed);
}
