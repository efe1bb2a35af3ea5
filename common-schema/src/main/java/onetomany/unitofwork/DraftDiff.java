package onetomany.unitofwork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import onetomany.contract.Post;
import onetomany.contract.RepositoryException;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserDraft.PostDraft;

/**
 * What a {@link UserDraft} changes in the user as stored: the diff that SQLAlchemy's unit of work and Hibernate's
 * dirty checking compute for you, and that MyBatis and Jdbi leave to the code. Computed here once, from values
 * only, for the three modules: MyBatis and Jdbi write exactly this diff; Hibernate finds it by dirty checking and
 * asks this only whether anything changes at all (to force the version's increment when only posts do).
 *
 * <p>Building it checks the draft against the stored user, before anything is written: a draft read at another
 * version is {@link RepositoryException.Reason#CONFLICT}, a post id that is not one of the user's is
 * {@link RepositoryException.Reason#UNKNOWN_POST}.
 *
 * @param added   the draft's posts without an id, in the draft's order
 * @param changed the draft's posts whose title or content differ from the stored ones
 * @param removed the ids of the stored posts the draft does not hold (delete-orphan), ascending
 * @param renamed whether the draft's name differs from the stored one
 */
public record DraftDiff(List<PostDraft> added, List<PostDraft> changed, List<Long> removed, boolean renamed) {

    public static DraftDiff of(User stored, UserDraft draft) {
        if (stored.getVersion() != draft.version()) {
            throw RepositoryException.staleDraft(draft.userId(), draft.version(), stored.getVersion());
        }
        Map<Long, Post> storedById = new HashMap<>();
        stored.getPosts().forEach(post -> storedById.put(post.getId(), post));
        List<PostDraft> added = new ArrayList<>();
        List<PostDraft> changed = new ArrayList<>();
        for (PostDraft post : draft.posts()) {
            if (post.id() == null) {
                added.add(post);
                continue;
            }
            Post before = storedById.remove(post.id());
            if (before == null) {
                throw RepositoryException.unknownPostOfUser(post.id(), draft.userId());
            }
            if (!Objects.equals(before.getTitle(), post.title())
                    || !Objects.equals(before.getContent(), post.content())) {
                changed.add(post);
            }
        }
        List<Long> removed = storedById.keySet().stream().sorted().toList();
        return new DraftDiff(List.copyOf(added), List.copyOf(changed), removed,
                !Objects.equals(stored.getName(), draft.name()));
    }

    /** Whether the draft equals what is stored: then nothing is written, and the version stays. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && !renamed;
    }
}
