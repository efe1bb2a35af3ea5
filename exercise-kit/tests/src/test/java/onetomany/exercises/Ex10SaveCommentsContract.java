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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static onetomany.exercises.Checks.say;
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
            fail(say("ex10.budget", postEdited, added, changed, removed, declared, ceiling,
                    say(any ? "ex10.budget_any" : "ex10.budget_none")));
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

        VersionedPost saved = keptExactly(budget, say("ex10.call_add_edit_remove"),
                () -> exercises.savePostWithComments(draft));
        assertThat(rows("update comments")).as(say("ex10.rows_updated", listed())).isEqualTo(2);
        assertThat(rows("insert into comments")).as(say("ex10.rows_inserted", listed())).isEqualTo(2);
        assertThat(rows("delete from comments")).as(say("ex10.rows_deleted", listed())).isEqualTo(1);
        assertThat(rows("update posts")).as(say("ex10.post_updates", listed())).isEqualTo(1);
        statements.reset();

        List<Long> ids = comments.longs("select id from comments where post_id = ? order by id", post);
        assertThat(ids).as(say("ex10.kept_then_new")).hasSize(6)
                .startsWith(five.get(0), five.get(1), five.get(2), five.get(4));
        assertThat(ids.get(4)).as(say("ex10.new_ids_after")).isGreaterThan(five.get(4));
        assertThat(comments.strings("select body from comments where post_id = ? order by id", post))
                .as(say("ex10.bodies")).containsExactly("comment 1", "comment 2, edited", HOSTILE,
                        "comment 5", "a new comment", HOSTILE);
        assertThat(comments.longs("select id from comments where post_id = ? order by id", other))
                .as(say("ex10.other_comments")).containsExactlyElementsOf(others);
        assertThat(version(post)).as(say("ex10.version_root"))
                .isEqualTo(read.version() + 1);
        assertThat(version(other)).as(say("ex10.other_version")).isZero();
        assertThat(comments.strings("select title from posts where id = ?", post)).as(say("ex10.title"))
                .containsExactly("First Post");

        assertThat(saved.getVersion()).as(say("ex10.version_returned_post")).isEqualTo(read.version() + 1);
        assertThat(saved.getComments()).as(say("ex10.ids_returned"))
                .allSatisfy(c -> assertThat(c.getId()).isNotNull());
        List<String> expected = comments.describePostsWithComments().subList(0, 7);
        assertThat(walk(say("ex10.walk_returned"), () -> Trees.describePosts(List.of(saved))))
                .as(say("ex10.returned_tree"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    void nothing_changed() {
        seed();
        List<String> before = everything();
        int budget = budget(false, 0, 0, 0);

        VersionedPost saved = exactly(budget, say("ex10.call_nothing"),
                () -> exercises.savePostWithComments(asRead(post)));

        assertThat(everything()).as(say("ex10.everything")).containsExactlyElementsOf(before);
        assertThat(saved.getVersion()).as(say("ex10.version_returned")).isZero();
        assertThat(saved.getComments()).extracting(c -> c.getId()).as(say("ex10.comments_returned"))
                .containsExactlyElementsOf(five);
    }

    @Test
    @Order(3)
    void the_post_is_the_root() {
        seed();
        PostDraft read = asRead(post);
        PostDraft retitled = new PostDraft(post, read.version(), "First Post, retitled", null, read.comments());

        VersionedPost first = exactly(budget(true, 0, 0, 0), say("ex10.call_retitled"),
                () -> exercises.savePostWithComments(retitled));

        assertThat(comments.strings("select title from posts where id = ?", post)).as(say("ex10.title"))
                .containsExactly("First Post, retitled");
        assertThat(comments.strings("select content from posts where id = ?", post)).as(say("ex10.content_null"))
                .containsOnlyNulls().hasSize(1);
        assertThat(version(post)).as(say("ex10.version_after_edit")).isEqualTo(1);
        assertThat(first.getVersion()).as(say("ex10.version_returned")).isEqualTo(1);

        PostDraft again = asRead(post);
        List<CommentDraft> one = new ArrayList<>(again.comments());
        one.set(2, new CommentDraft(five.get(2), "comment 3, edited"));
        VersionedPost second = exactly(budget(false, 0, 1, 0), say("ex10.call_one_edited"),
                () -> exercises.savePostWithComments(
                        new PostDraft(post, again.version(), again.title(), again.content(), one)));

        assertThat(version(post)).as(say("ex10.version_after_comment"))
                .isEqualTo(2);
        assertThat(second.getVersion()).as(say("ex10.version_returned")).isEqualTo(2);
        assertThat(comments.strings("select body from comments where post_id = ? order by id", post))
                .as(say("ex10.comments")).containsExactly("comment 1", "comment 2", "comment 3, edited", "comment 4",
                        "comment 5");
    }

    @Test
    @Order(4)
    void a_stale_draft_is_refused() {
        seed();
        PostDraft read = asRead(post);
        comments.update("update posts set title = ?, version = version + 1 where id = ?", "Saved by Bob", post);
        List<String> before = everything();
        List<CommentDraft> changed = new ArrayList<>(read.comments().subList(1, 5));
        changed.add(CommentDraft.newComment("lost update"));
        PostDraft stale = new PostDraft(post, read.version(), "Alice's title", read.content(), changed);

        assertThat(refused(stale, say("ex10.call_stale")).reason())
                .as(say("ex10.why_refused", say("ex10.call_stale"))).isEqualTo(DraftRefused.Reason.STALE_VERSION);

        assertThat(everything()).as(say("ex10.bobs_save"))
                .containsExactlyElementsOf(before);
    }

    @Test
    @Order(5)
    void a_foreign_comment_is_refused() {
        seed();
        PostDraft read = asRead(post);
        List<String> before = everything();
        List<CommentDraft> changed = new ArrayList<>();
        changed.add(CommentDraft.newComment("new"));
        changed.add(new CommentDraft(five.get(0), "edited"));
        changed.add(new CommentDraft(others.get(0), "stolen from the other post"));
        PostDraft foreign = new PostDraft(post, read.version(), "retitled", read.content(), changed);

        String call = say("ex10.call_foreign", others.get(0));
        assertThat(refused(foreign, call).reason()).as(say("ex10.why_refused", call))
                .isEqualTo(DraftRefused.Reason.UNKNOWN_COMMENT);
        assertThat(everything()).as(say("ex10.everything")).containsExactlyElementsOf(before);

        long missing = Math.max(post, other) + 1000;
        String nobody = say("ex10.call_no_post", missing);
        assertThat(refused(new PostDraft(missing, 0, "nobody's", null, List.of(CommentDraft.newComment("new"))),
                nobody).reason()).as(say("ex10.why_refused", nobody)).isEqualTo(DraftRefused.Reason.UNKNOWN_POST);
        assertThat(everything()).as(say("ex10.everything")).containsExactlyElementsOf(before);
    }

    @Test
    @Order(6)
    void a_comment_named_twice_is_refused() {
        seed();
        PostDraft read = asRead(post);
        List<String> before = everything();
        List<CommentDraft> twice = new ArrayList<>(read.comments().subList(0, 4));
        twice.add(new CommentDraft(five.get(1), "comment 2, edited again"));
        twice.add(CommentDraft.newComment("new"));
        String call = say("ex10.call_twice_bodies", five.get(1));
        assertThat(refused(new PostDraft(post, read.version(), read.title(), read.content(), twice), call).reason())
                .as(say("ex10.why_refused", call)).isEqualTo(DraftRefused.Reason.UNKNOWN_COMMENT);
        assertThat(everything()).as(say("ex10.everything")).containsExactlyElementsOf(before);

        List<CommentDraft> repeated = new ArrayList<>(read.comments());
        repeated.add(read.comments().get(0));
        String same = say("ex10.call_twice_same", five.get(0));
        assertThat(refused(new PostDraft(post, read.version(), read.title(), read.content(), repeated), same)
                .reason()).as(say("ex10.why_refused", same)).isEqualTo(DraftRefused.Reason.UNKNOWN_COMMENT);
        assertThat(everything()).as(say("ex10.everything")).containsExactlyElementsOf(before);
    }

    @Test
    @Order(7)
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
                fail(say("ex10.not_both_waited", say(early ? "ex10.one_finished" : "ex10.none_finished"),
                        described(outcome(alice)), described(outcome(bob))));
            }
            Object a = outcome(alice);
            Object b = outcome(bob);
            List<Object> outcomes = List.of(a, b);
            assertThat(outcomes.stream().filter(VersionedPost.class::isInstance).count())
                    .as(say("ex10.saves_won", outcomes.stream().map(Ex10SaveCommentsContract::described).toList()))
                    .isEqualTo(1);
            assertThat(outcomes).as(say("ex10.save_lost")).filteredOn(DraftRefused.class::isInstance)
                    .singleElement().satisfies(e -> assertThat(((DraftRefused) e).reason())
                            .isEqualTo(DraftRefused.Reason.STALE_VERSION));
            String winner = a instanceof VersionedPost ? "Alice's" : "Bob's";
            assertThat(comments.strings("select body from comments where post_id = ? order by id", post))
                    .as(say("ex10.winners_draft"))
                    .containsExactly("comment 1, " + winner, "comment 2", "comment 3", "comment 4", "comment 5",
                            winner + " new comment");
            assertThat(version(post)).as(say("ex10.version_after_one")).isEqualTo(read.version() + 1);
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
        throw new AssertionError(say("ex10.not_refused", call, saved, saved.getVersion()));
    }

    /** A save's outcome in words: its version, or why it was refused (the exception's own text is not the board's). */
    private static String described(Object outcome) {
        if (outcome instanceof VersionedPost saved) {
            return say("ex10.saved_at", saved.getVersion());
        }
        return outcome instanceof DraftRefused refused ? say("ex10.refused_for", refused.reason())
                : String.valueOf(outcome);
    }

    /** What the save returned, or the DraftRefused it threw; any other failure fails the test with its cause. */
    private static Object outcome(Future<VersionedPost> save) throws InterruptedException {
        try {
            return save.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DraftRefused refused) {
                return refused;
            }
            throw new AssertionError(say("ex10.other_failure", e.getCause()),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(say("ex10.timeout"), e);
        }
    }

    /** As {@link #exactly}, but the statements stay recorded, for the test to look at which rows they wrote. */
    private <T> T keptExactly(int expected, String call, java.util.function.Supplier<T> work) {
        statements.reset();
        T result = work.get();
        if (statements.count() != expected) {
            fail(say("common.sent_exactly", call, statements.count(), expected, perRow(), listed()));
        }
        return result;
    }
}
