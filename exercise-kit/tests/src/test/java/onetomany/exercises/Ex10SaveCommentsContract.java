package onetomany.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import onetomany.exercises.contract.CommentDraft;
import onetomany.exercises.contract.DraftRefused;
import onetomany.exercises.contract.PostDraft;
import onetomany.exercises.contract.VersionedPost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Exercise 10: a post and its comments saved from a draft — the diff (inserted, updated, untouched, deleted), the
 * post's version as the root's optimistic lock, and the library's own statement budget, asserted exactly. A draft
 * that names a comment the post does not have, or one comment twice, is refused ({@code UNKNOWN_COMMENT}).
 */
@Tag("ex10")
public abstract class Ex10SaveCommentsContract extends ExerciseContract {

    /** Texts a form may send: they are data, never SQL. */
    static final String HOSTILE = "it's \"quoted\"'); delete from comments; -- 100% _off \\";

    /** Alice's post with 5 comments, and another post with 2 that no save of the first may touch. */
    long post;
    long other;
    List<Long> five;
    List<Long> others;

    void seed() {
        long alice = fixtures.insertUser("Alice");
        post = fixtures.insertPost(alice, "First Post", "Content of first post");
        other = fixtures.insertPost(alice, "Second Post", null);
        five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(comments.insertComment(post, "comment " + i));
        }
        others = List.of(comments.insertComment(other, "elsewhere 1"), comments.insertComment(other, "elsewhere 2"));
    }

    /** The draft of the post as it is now: its version, title, content and comments, unchanged. */
    PostDraft asRead(long postId) {
        List<CommentDraft> drafts = new ArrayList<>();
        List<Long> ids = comments.longs("select id from comments where post_id = ? order by id", postId);
        List<String> bodies = comments.strings("select body from comments where post_id = ? order by id", postId);
        for (int i = 0; i < ids.size(); i++) {
            drafts.add(new CommentDraft(ids.get(i), bodies.get(i)));
        }
        return new PostDraft(postId, version(postId),
                comments.strings("select title from posts where id = ?", postId).get(0),
                comments.strings("select content from posts where id = ?", postId).get(0), drafts);
    }

    long version(long postId) {
        return comments.longs("select version from posts where id = ?", postId).get(0);
    }

    /** Every post and comment row, and every post's version: what "nothing written" compares. */
    List<String> everything() {
        List<String> rows = new ArrayList<>(comments.describePostsWithComments());
        rows.add("versions " + comments.longs("select version from posts order by id"));
        rows.add("contents " + comments.strings("select content from posts order by id"));
        return rows;
    }

    /** The declared budget, held to the contract's ceiling before it is used. */
    int budget(boolean postEdited, int added, int changed, int removed) {
        int declared = exercises.statementsToSave(postEdited, added, changed, removed);
        boolean any = postEdited || added + changed + removed > 0;
        int ceiling = any ? 2 + added + (changed > 0 ? 1 : 0) + (removed > 0 ? 1 : 0) : 1;
        if (declared > ceiling || declared < 1) {
            fail("statementsToSave(postEdited=%s, added=%d, changed=%d, removed=%d) declares %d statements; the"
                    + " contract allows 1 to %d: the load, %s", postEdited, added, changed, removed, declared, ceiling,
                    any ? "1 for the post's row, 1 per added comment, 1 for all changed and 1 for all removed ones"
                            : "and nothing else when nothing changed");
        }
        return declared;
    }

    /** How many rows the statements that start with {@code prefix} carried (a batch carries its batch size). */
    int rows(String prefix) {
        return statements.executed().stream().filter(e -> e.sql().get(0).toLowerCase(Locale.ROOT).startsWith(prefix))
                .mapToInt(e -> e.batchSize() > 0 ? e.batchSize() : 1).sum();
    }

    @Test
    @Order(1)
    @DisplayName("adding 2, editing 2 and removing 1 of 5 comments writes exactly those, in the declared statements")
    void add_two_edit_two_remove_one() {
        seed();
        PostDraft read = asRead(post);
        List<CommentDraft> changed = new ArrayList<>();
        changed.add(read.comments().get(0));                                  // unchanged
        changed.add(new CommentDraft(five.get(1), "comment 2, edited"));      // edited
        changed.add(new CommentDraft(five.get(2), HOSTILE));                  // edited
        // five.get(3) left out: removed
        changed.add(read.comments().get(4));                                  // unchanged
        changed.add(CommentDraft.newComment("a new comment"));                // added
        changed.add(CommentDraft.newComment(HOSTILE));                        // added
        PostDraft draft = new PostDraft(post, read.version(), read.title(), read.content(), changed);
        int budget = budget(false, 2, 2, 1);

        VersionedPost saved = keptExactly(budget, "savePostWithComments(add 2, edit 2, remove 1 of 5)",
                () -> exercises.savePostWithComments(draft));
        assertThat(rows("update comments")).as("comment rows updated: the 2 edited, not the 2 unchanged:%n%s",
                listed()).isEqualTo(2);
        assertThat(rows("insert into comments")).as("comment rows inserted:%n%s", listed()).isEqualTo(2);
        assertThat(rows("delete from comments")).as("deletes of comments:%n%s", listed()).isEqualTo(1);
        assertThat(rows("update posts")).as("updates of the post:%n%s", listed()).isEqualTo(1);
        statements.reset();

        List<Long> ids = comments.longs("select id from comments where post_id = ? order by id", post);
        assertThat(ids).as("the post's comments: the 4 kept, then the 2 new").hasSize(6)
                .startsWith(five.get(0), five.get(1), five.get(2), five.get(4));
        assertThat(ids.get(4)).as("the new comments' ids come after the old ones").isGreaterThan(five.get(4));
        assertThat(comments.strings("select body from comments where post_id = ? order by id", post))
                .as("the post's comments' bodies").containsExactly("comment 1", "comment 2, edited", HOSTILE,
                        "comment 5", "a new comment", HOSTILE);
        assertThat(comments.longs("select id from comments where post_id = ? order by id", other))
                .as("the other post's comments").containsExactlyElementsOf(others);
        assertThat(version(post)).as("the post's version after a save that changed its comments: the root's")
                .isEqualTo(read.version() + 1);
        assertThat(version(other)).as("the other post's version").isZero();
        assertThat(comments.strings("select title from posts where id = ?", post)).as("the title")
                .containsExactly("First Post");

        assertThat(saved.getVersion()).as("the version of the post returned").isEqualTo(read.version() + 1);
        assertThat(saved.getComments()).as("the comments returned have their ids")
                .allSatisfy(c -> assertThat(c.getId()).isNotNull());
        List<String> expected = comments.describePostsWithComments().subList(0, 7);
        assertThat(walk("the post returned", () -> Trees.describePosts(List.of(saved))))
                .as("the post returned, its comments in id order, each one's post that very post")
                .containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    @DisplayName("a draft with nothing changed is only loaded: nothing written, the version stays")
    void nothing_changed() {
        seed();
        List<String> before = everything();
        int budget = budget(false, 0, 0, 0);

        VersionedPost saved = exactly(budget, "savePostWithComments(nothing changed)",
                () -> exercises.savePostWithComments(asRead(post)));

        assertThat(everything()).as("posts, comments and versions").containsExactlyElementsOf(before);
        assertThat(saved.getVersion()).as("the version returned").isZero();
        assertThat(saved.getComments()).extracting(c -> c.getId()).as("the comments returned")
                .containsExactlyElementsOf(five);
    }

    @Test
    @Order(3)
    @DisplayName("editing only the post, or only one comment, bumps the post's version once")
    void the_post_is_the_root() {
        seed();
        PostDraft read = asRead(post);
        PostDraft retitled = new PostDraft(post, read.version(), "First Post, retitled", null, read.comments());

        VersionedPost first = exactly(budget(true, 0, 0, 0), "savePostWithComments(the title and content edited)",
                () -> exercises.savePostWithComments(retitled));

        assertThat(comments.strings("select title from posts where id = ?", post)).as("the title")
                .containsExactly("First Post, retitled");
        assertThat(comments.strings("select content from posts where id = ?", post)).as("the content, now null")
                .containsOnlyNulls().hasSize(1);
        assertThat(version(post)).as("the version after the post's edit").isEqualTo(1);
        assertThat(first.getVersion()).as("the version returned").isEqualTo(1);

        PostDraft again = asRead(post);
        List<CommentDraft> one = new ArrayList<>(again.comments());
        one.set(2, new CommentDraft(five.get(2), "comment 3, edited"));
        VersionedPost second = exactly(budget(false, 0, 1, 0), "savePostWithComments(one comment edited)",
                () -> exercises.savePostWithComments(
                        new PostDraft(post, again.version(), again.title(), again.content(), one)));

        assertThat(version(post)).as("the version after only a comment was edited: the post is the root")
                .isEqualTo(2);
        assertThat(second.getVersion()).as("the version returned").isEqualTo(2);
        assertThat(comments.strings("select body from comments where post_id = ? order by id", post))
                .as("the comments").containsExactly("comment 1", "comment 2", "comment 3, edited", "comment 4",
                        "comment 5");
    }

    @Test
    @Order(4)
    @DisplayName("a draft read at an older version is refused, and nothing of it is written")
    void a_stale_draft_is_refused() {
        seed();
        PostDraft read = asRead(post);
        comments.update("update posts set title = ?, version = version + 1 where id = ?", "Saved by Bob", post);
        List<String> before = everything();
        List<CommentDraft> changed = new ArrayList<>(read.comments().subList(1, 5));
        changed.add(CommentDraft.newComment("lost update"));
        PostDraft stale = new PostDraft(post, read.version(), "Alice's title", read.content(), changed);

        assertThat(refused(stale, "savePostWithComments(a stale draft)").reason())
                .as("why savePostWithComments(a stale draft) was refused").isEqualTo(DraftRefused.Reason.STALE_VERSION);

        assertThat(everything()).as("posts, comments and versions: Bob's save, nothing of Alice's")
                .containsExactlyElementsOf(before);
    }

    @Test
    @Order(5)
    @DisplayName("a draft naming another post's comment, or no post, is refused, and nothing of it is written")
    void a_foreign_comment_is_refused() {
        seed();
        PostDraft read = asRead(post);
        List<String> before = everything();
        List<CommentDraft> changed = new ArrayList<>();
        changed.add(CommentDraft.newComment("new"));
        changed.add(new CommentDraft(five.get(0), "edited"));
        changed.add(new CommentDraft(others.get(0), "stolen from the other post"));
        PostDraft foreign = new PostDraft(post, read.version(), "retitled", read.content(), changed);

        String call = "savePostWithComments(a draft naming comment " + others.get(0) + " of another post)";
        assertThat(refused(foreign, call).reason()).as("why %s was refused", call)
                .isEqualTo(DraftRefused.Reason.UNKNOWN_COMMENT);
        assertThat(everything()).as("posts, comments and versions").containsExactlyElementsOf(before);

        long missing = Math.max(post, other) + 1000;
        String nobody = "savePostWithComments(a draft of post " + missing + ", which does not exist)";
        assertThat(refused(new PostDraft(missing, 0, "nobody's", null, List.of(CommentDraft.newComment("new"))),
                nobody).reason()).as("why %s was refused", nobody).isEqualTo(DraftRefused.Reason.UNKNOWN_POST);
        assertThat(everything()).as("posts, comments and versions").containsExactlyElementsOf(before);
    }

    @Test
    @Order(6)
    @DisplayName("a draft naming one comment twice is refused, and nothing of it is written")
    void a_comment_named_twice_is_refused() {
        seed();
        PostDraft read = asRead(post);
        List<String> before = everything();
        List<CommentDraft> twice = new ArrayList<>(read.comments().subList(0, 4));
        twice.add(new CommentDraft(five.get(1), "comment 2, edited again"));
        twice.add(CommentDraft.newComment("new"));
        String call = "savePostWithComments(a draft naming comment " + five.get(1) + " twice, with two bodies)";
        assertThat(refused(new PostDraft(post, read.version(), read.title(), read.content(), twice), call).reason())
                .as("why %s was refused", call).isEqualTo(DraftRefused.Reason.UNKNOWN_COMMENT);
        assertThat(everything()).as("posts, comments and versions").containsExactlyElementsOf(before);

        List<CommentDraft> repeated = new ArrayList<>(read.comments());
        repeated.add(read.comments().get(0));
        String same = "savePostWithComments(a draft naming comment " + five.get(0) + " twice, unchanged both times)";
        assertThat(refused(new PostDraft(post, read.version(), read.title(), read.content(), repeated), same)
                .reason()).as("why %s was refused", same).isEqualTo(DraftRefused.Reason.UNKNOWN_COMMENT);
        assertThat(everything()).as("posts, comments and versions").containsExactlyElementsOf(before);
    }

    @Test
    @Order(7)
    @DisplayName("two saves of the same version at once: exactly one wins, the other is refused, no lost update")
    void two_concurrent_saves() throws Exception {
        seed();
        PostDraft read = asRead(post);
        PostDraft alices = draftAdding(read, "Alice's");
        PostDraft bobs = draftAdding(read, "Bob's");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection blocker = database.adminConnection()) {
            // Another client holds the post's row, so that both saves load version 0 and then wait for the row:
            // when it lets go, one save takes the row and commits; the other's update must then match no row.
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("select id from posts where id = ? for update")) {
                lock.setLong(1, post);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                }
            }
            Future<VersionedPost> alice = pool.submit(() -> exercises.savePostWithComments(alices));
            Future<VersionedPost> bob = pool.submit(() -> exercises.savePostWithComments(bobs));
            boolean bothWait = bothWaitForTheRow(alice, bob);
            boolean early = alice.isDone() || bob.isDone();
            blocker.rollback();
            if (!bothWait) {
                // a save that did not wait for the post's row: show why
                fail("the two saves did not both wait for the post's row, which another client held (%s while it"
                        + " did; then: %s, %s): does the save write the post's row (its version) first?",
                        early ? "one finished" : "none finished", outcome(alice), outcome(bob));
            }
            Object a = outcome(alice);
            Object b = outcome(bob);
            List<Object> outcomes = List.of(a, b);
            assertThat(outcomes.stream().filter(VersionedPost.class::isInstance).count())
                    .as("saves that won (%s)", outcomes).isEqualTo(1);
            assertThat(outcomes).as("the save that lost").filteredOn(DraftRefused.class::isInstance)
                    .singleElement().satisfies(e -> assertThat(((DraftRefused) e).reason())
                            .isEqualTo(DraftRefused.Reason.STALE_VERSION));
            String winner = a instanceof VersionedPost ? "Alice's" : "Bob's";
            assertThat(comments.strings("select body from comments where post_id = ? order by id", post))
                    .as("the comments: the winner's draft, all of it, nothing of the other's")
                    .containsExactly("comment 1, " + winner, "comment 2", "comment 3", "comment 4", "comment 5",
                            winner + " new comment");
            assertThat(version(post)).as("the version after one save").isEqualTo(read.version() + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether both saves wait for a lock, looked at for up to 30 s (false as soon as one of them is over). */
    private boolean bothWaitForTheRow(Future<?> alice, Future<?> bob) {
        return database.awaitSessionsWaitingForALock(2, Duration.ofSeconds(30), () -> alice.isDone() || bob.isDone());
    }

    private static PostDraft draftAdding(PostDraft read, String who) {
        List<CommentDraft> changed = new ArrayList<>(read.comments());
        changed.set(0, new CommentDraft(read.comments().get(0).id(), "comment 1, " + who));
        changed.add(CommentDraft.newComment(who + " new comment"));
        return new PostDraft(read.postId(), read.version(), read.title(), read.content(), changed);
    }

    /**
     * The DraftRefused the save threw; anything else it throws goes on as it is (a stub's ExerciseNotSolved
     * included), and a save that went through fails the test.
     */
    private DraftRefused refused(PostDraft draft, String call) {
        VersionedPost saved;
        try {
            saved = exercises.savePostWithComments(draft);
        } catch (DraftRefused e) {
            return e;
        }
        throw new AssertionError(call + " was not refused: it saved " + saved + " at version " + saved.getVersion());
    }

    /** What the save returned, or the DraftRefused it threw; any other failure fails the test with its cause. */
    private static Object outcome(Future<VersionedPost> save) throws InterruptedException {
        try {
            return save.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DraftRefused refused) {
                return refused;
            }
            throw new AssertionError("a concurrent save failed with something else than DraftRefused: " + e.getCause(),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a concurrent save did not finish within 60 s", e);
        }
    }

    /** As {@link #exactly}, but the statements stay recorded, for the test to look at which rows they wrote. */
    private <T> T keptExactly(int expected, String call, java.util.function.Supplier<T> work) {
        statements.reset();
        T result = work.get();
        if (statements.count() != expected) {
            fail("%s sent %d statements, expected %d%s:%n%s", call, statements.count(), expected, perRow(), listed());
        }
        return result;
    }
}
