package onetomany.suites;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import onetomany.contract.Limits;
import onetomany.contract.Post;
import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.db.StatementLog;
import onetomany.fixtures.Graphs;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
/**
 * The shared suite of the draft's save, part of the contract every library runs through {@link UserPostRepository}
 * only: a user and his posts saved from a {@link UserDraft} in one unit of work (cascade="all, delete-orphan",
 * version_id_col), exactly the statements the diff needs, and the conflicts of a stale draft.
 *
 * <p>A module subclasses it with one line, its {@code createRepository(DataSource)}. Each test starts from
 * empty tables; statements are counted through the proxy around the DataSource as reset &rarr; act &rarr;
 * assert, and expected data is read with plain JDBC ({@link Fixtures}), never through the library under test.
 */
public abstract class UserPostRepositoryDraftSaveContract extends RepositoryTestSupport {

    // ---------------------------------------------------------------------------------------------------------
    // The unit of work: a user and his posts saved from a draft (cascade="all, delete-orphan", version_id_col)

    /** Alice with five posts, Bob with one; returns Alice's id. */
    private long aliceWithFivePosts() {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(fixtures.insertUser("Bob"), "Bob's Post", "Bob's content");
        for (int i = 1; i <= 5; i++) {
            fixtures.insertPost(alice, "Post " + i, i % 2 == 0 ? null : "content " + i);
        }
        statements.reset();
        return alice;
    }

    /** The draft of a user as the repository reads him: what a form would send back unchanged. */
    private UserDraft storedDraft(long userId) {
        return UserDraft.of(repository.findUserWithPosts(userId).orElseThrow());
    }

    @Test
    void a_draft_with_two_posts_added_two_edited_and_one_removed_writes_exactly_that_and_nothing_else() {
        long alice = aliceWithFivePosts();
        UserDraft read = storedDraft(alice);
        List<UserDraft.PostDraft> posts = read.posts();
        List<String> bobBefore = bobsRows();
        statements.reset();
        UserDraft draft = read.withPosts(List.of(
                posts.get(0),                                                         // unchanged
                new UserDraft.PostDraft(posts.get(1).id(), "Post 2, edited", "now with content"),
                new UserDraft.PostDraft(posts.get(2).id(), posts.get(2).title(), null), // only the content
                posts.get(3),                                                         // unchanged
                // posts.get(4) removed
                UserDraft.PostDraft.added("Post 6", "six"),
                UserDraft.PostDraft.added("Post 7", null)));

        User saved = repository.saveUserWithPosts(draft);

        List<StatementLog.Executed> sent = statements.executed();
        assertStatements(budget.saveUserWithPosts(2, 2, 1, false), "saveUserWithPosts(add 2, edit 2, remove 1)");
        assertThat(rowsSent(sent, "insert into posts")).as("posts inserted:%n%s", sent).isEqualTo(2);
        assertThat(rowsSent(sent, "update posts")).as("posts updated (the unchanged ones not touched):%n%s", sent)
                .isEqualTo(2);
        assertThat(rowsSent(sent, "delete from posts")).as("posts deleted:%n%s", sent).isEqualTo(1);
        assertThat(rowsSent(sent, "update users")).as("the user's version, once:%n%s", sent).isEqualTo(1);
        long p1 = posts.get(0).id();
        long p2 = posts.get(1).id();
        long p3 = posts.get(2).id();
        long p4 = posts.get(3).id();
        List<String> expected = fixtures.describeUsersWithPosts().stream()
                .filter(line -> !line.contains("Bob")).toList();
        assertThat(expected).hasSize(7);
        assertThat(expected.subList(0, 5)).containsExactly(
                Graphs.user(alice, "Alice"),
                Graphs.post(p1, "Post 1", "content 1"),
                Graphs.post(p2, "Post 2, edited", "now with content"),
                Graphs.post(p3, "Post 3", null),
                Graphs.post(p4, "Post 4", null));
        assertThat(expected.get(5)).endsWith(" Post 6 / six");
        assertThat(expected.get(6)).endsWith(" Post 7 / null");
        assertThat(walkUsers(List.of(saved))).as("the graph returned").containsExactlyElementsOf(expected);
        Graphs.assertBackReferences(List.of(saved));
        assertThat(saved.getPosts()).extracting(Post::getId).doesNotContainNull().isSorted();
        assertThat(saved.getVersion()).isEqualTo(1);
        assertThat(fixtures.versionOf(alice)).isEqualTo(1);
        assertThat(bobsRows()).as("Bob's rows").isEqualTo(bobBefore);
        assertThat(repository.findUserWithPosts(alice).orElseThrow().getVersion()).isEqualTo(1);
    }

    /**
     * The user's row is written right after the load, before any post's: the update that checks and bumps his
     * version also locks his row, so a concurrent write to him waits, or is found, before a post is touched. Each
     * kind of change in turn, with and without a new name.
     */
    @Test
    void a_save_writes_the_users_row_right_after_the_load_before_any_post() {
        long alice = aliceWithFivePosts();
        for (boolean renamed : new boolean[] {false, true}) {
            for (String change : List.of("add", "edit", "remove")) {
                UserDraft read = storedDraft(alice);
                List<UserDraft.PostDraft> posts = new ArrayList<>(read.posts());
                switch (change) {
                    case "add" -> posts.add(UserDraft.PostDraft.added("Added " + renamed, null));
                    case "edit" -> posts.set(0, new UserDraft.PostDraft(posts.get(0).id(), "Edited " + renamed, null));
                    default -> posts.remove(posts.size() - 1);
                }
                UserDraft draft = read.withPosts(posts);
                statements.reset();

                repository.saveUserWithPosts(renamed ? draft.withName("Alice " + change) : draft);

                List<StatementLog.Executed> sent = statements.executed();
                assertThat(sent).as("%s%s:%n%s", change, renamed ? ", renamed" : "", sent).hasSizeGreaterThan(2);
                assertThat(sent.get(0).toString()).startsWithIgnoringCase("select");
                assertThat(sent.get(1).toString()).as("%s%s: the second statement", change,
                        renamed ? ", renamed" : "").startsWithIgnoringCase("update users");
            }
        }
    }

    @Test
    void a_draft_equal_to_what_is_stored_sends_only_the_load_and_keeps_the_version() {
        long alice = aliceWithFivePosts();
        UserDraft draft = storedDraft(alice);
        List<String> before = fixtures.snapshot();
        statements.reset();

        User saved = repository.saveUserWithPosts(draft);

        List<StatementLog.Executed> sent = statements.executed();
        assertStatements(budget.saveUserWithPosts(0, 0, 0, false), "saveUserWithPosts(nothing changed)");
        assertThat(sent).as("the one statement: the load").hasSize(1);
        assertThat(sent.get(0).toString()).startsWithIgnoringCase("select");
        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThat(walkUsers(List.of(saved))).containsExactlyElementsOf(fixtures.describeUsersWithPosts().stream()
                .filter(line -> !line.contains("Bob")).toList());
        assertThat(saved.getVersion()).isZero();
    }

    @Test
    void a_draft_that_only_removes_a_post_costs_what_the_budget_says_and_bumps_the_version() {
        long alice = aliceWithFivePosts();
        UserDraft stored = storedDraft(alice);
        UserDraft draft = stored.withPosts(stored.posts().subList(1, stored.posts().size()));
        statements.reset();

        User saved = repository.saveUserWithPosts(draft);

        assertStatements(budget.saveUserWithPosts(0, 0, 1, false), "saveUserWithPosts(only a post removed)");
        assertThat(fixtures.countPostsOf(alice)).isEqualTo(4);
        assertThat(saved.getPosts()).hasSize(4);
        assertThat(fixtures.versionOf(alice)).isEqualTo(1);
    }

    @Test
    void a_draft_that_only_renames_writes_the_user_alone_and_bumps_his_version() {
        long alice = aliceWithFivePosts();
        UserDraft draft = storedDraft(alice).withName("Alicia");
        List<String> postsBefore = fixtures.describePostsWithAuthors();
        statements.reset();

        User saved = repository.saveUserWithPosts(draft);

        List<StatementLog.Executed> sent = statements.executed();
        assertStatements(budget.saveUserWithPosts(0, 0, 0, true), "saveUserWithPosts(only the name)");
        assertThat(sent).as("no statement on posts but the load").filteredOn(e -> !e.toString().startsWith("select"))
                .allSatisfy(e -> assertThat(e.toString()).startsWithIgnoringCase("update users"));
        assertThat(fixtures.describePostsWithAuthors()).containsExactlyElementsOf(
                postsBefore.stream().map(line -> line.replace(" Alice", " Alicia")).toList());
        assertThat(saved.getName()).isEqualTo("Alicia");
        assertThat(saved.getVersion()).isEqualTo(1);
        assertThat(fixtures.versionOf(alice)).isEqualTo(1);
    }

    @Test
    void a_draft_that_changes_one_post_updates_that_post_and_bumps_the_users_version() {
        long alice = aliceWithFivePosts();
        UserDraft read = storedDraft(alice);
        List<UserDraft.PostDraft> posts = new ArrayList<>(read.posts());
        long edited = posts.get(2).id();
        posts.set(2, new UserDraft.PostDraft(edited, "Post 3, edited", "content 3"));
        statements.reset();

        User saved = repository.saveUserWithPosts(read.withPosts(posts));

        List<StatementLog.Executed> sent = statements.executed();
        assertStatements(budget.saveUserWithPosts(0, 1, 0, false), "saveUserWithPosts(one post changed)");
        assertThat(rowsSent(sent, "update posts")).as("%s", sent).isEqualTo(1);
        assertThat(rowsSent(sent, "update users")).as("%s", sent).isEqualTo(1);
        assertThat(fixtures.describeUsersWithPosts()).contains(Graphs.post(edited, "Post 3, edited", "content 3"));
        assertThat(saved.getVersion()).isEqualTo(1);
        assertThat(fixtures.versionOf(alice)).isEqualTo(1);
        assertThat(saved.getPosts()).hasSize(5);
    }

    @Test
    void a_draft_read_before_another_change_is_refused_as_a_conflict_and_writes_nothing() {
        long alice = aliceWithFivePosts();
        UserDraft read = storedDraft(alice);
        repository.editPost(read.posts().get(0).id(), "Edited by someone else", null); // version 0 -> 1
        UserDraft stale = read.withName("Alicia").withPosts(List.of(UserDraft.PostDraft.added("Mine", null)));

        assertRefused(() -> repository.saveUserWithPosts(stale), Reason.CONFLICT, null, "user " + alice);
        assertRefused(() -> repository.saveUserWithPosts(new UserDraft(alice, 7, "Alice", read.posts())),
                Reason.CONFLICT, null, "version 7");
    }

    @Test
    void a_change_committed_between_the_saves_load_and_its_write_is_a_conflict_and_writes_nothing() {
        long alice = aliceWithFivePosts();
        UserDraft read = storedDraft(alice);
        List<UserDraft.PostDraft> posts = new ArrayList<>(read.posts());
        posts.set(0, new UserDraft.PostDraft(posts.get(0).id(), "Mine", null));
        for (UserDraft draft : List.of(read.withPosts(posts), read.withName("Alicia"))) {
            long version = fixtures.versionOf(alice);
            UserDraft current = new UserDraft(alice, version, draft.name(), draft.posts());
            // Right after the load, another unit of work renames her and commits: the save's write must see it.
            database.faults().atStatement(2, connection -> fixtures.bumpVersion(alice));

            assertThatThrownBy(() -> repository.saveUserWithPosts(current))
                    .isInstanceOfSatisfying(RepositoryException.class,
                            e -> assertThat(e.reason()).as("%s", e).isEqualTo(Reason.CONFLICT));

            assertThat(database.faults().allFired()).as("the concurrent change was made").isTrue();
            assertThat(fixtures.versionOf(alice)).as("only the other change").isEqualTo(version + 1);
            assertThat(fixtures.describeUsersWithPosts()).doesNotContain(Graphs.user(alice, "Alicia"))
                    .noneMatch(line -> line.contains("Mine"));
        }
    }

    @Test
    void a_draft_naming_a_post_of_another_user_or_no_post_is_refused_and_writes_nothing() {
        long alice = aliceWithFivePosts();
        long bobsPost = fixtures.describePostsWithAuthors().stream().filter(line -> line.contains("Bob's Post"))
                .map(line -> Long.parseLong(line.trim().split(" ")[1])).findFirst().orElseThrow();
        UserDraft read = storedDraft(alice);
        List<UserDraft.PostDraft> withBobs = new ArrayList<>(read.posts());
        withBobs.add(new UserDraft.PostDraft(bobsPost, "Bob's Post, taken", null));
        List<UserDraft.PostDraft> withNone = new ArrayList<>(read.posts());
        long none = fixtures.unusedPostId();
        withNone.add(0, new UserDraft.PostDraft(none, "Nowhere", null));

        assertRefused(() -> repository.saveUserWithPosts(read.withName("Alicia").withPosts(withBobs)),
                Reason.UNKNOWN_POST, null, "post " + bobsPost);
        assertRefused(() -> repository.saveUserWithPosts(read.withPosts(withNone)), Reason.UNKNOWN_POST, null,
                "post " + none);
    }

    @Test
    void a_draft_of_a_user_that_does_not_exist_is_refused() {
        aliceWithFivePosts();
        long unknown = fixtures.unusedUserId();

        assertRefused(() -> repository.saveUserWithPosts(new UserDraft(unknown, 0, "Nobody",
                List.of(UserDraft.PostDraft.added("Lost", null)))), Reason.UNKNOWN_USER, null, "user " + unknown);
    }

    @Test
    void a_draft_with_no_name_or_title_or_one_too_long_is_refused_naming_the_field_and_writes_nothing() {
        long alice = aliceWithFivePosts();
        UserDraft read = storedDraft(alice);
        String longName = "n".repeat(Limits.USER_NAME_LENGTH + 1);
        String longTitle = "t".repeat(Limits.POST_TITLE_LENGTH + 1);
        long first = read.posts().get(0).id();
        List<UserDraft.PostDraft> added = new ArrayList<>(read.posts());
        added.add(UserDraft.PostDraft.added("Fine", null));

        assertRefused(() -> repository.saveUserWithPosts(read.withName(null)), Reason.MISSING_VALUE, "users.name",
                "users.name");
        assertRefused(() -> repository.saveUserWithPosts(read.withName(longName)), Reason.VALUE_TOO_LONG,
                "users.name", "users.name");
        assertRefused(() -> repository.saveUserWithPosts(read.withPosts(with(added,
                UserDraft.PostDraft.added(null, "no title")))), Reason.MISSING_VALUE, "posts.title", "posts.title");
        assertRefused(() -> repository.saveUserWithPosts(read.withPosts(with(added,
                UserDraft.PostDraft.added(longTitle, null)))), Reason.VALUE_TOO_LONG, "posts.title", "posts.title");
        assertRefused(() -> repository.saveUserWithPosts(read.withPosts(replaced(read.posts(),
                new UserDraft.PostDraft(first, null, "x")))), Reason.MISSING_VALUE, "posts.title", "posts.title");
        assertRefused(() -> repository.saveUserWithPosts(read.withPosts(replaced(read.posts(),
                new UserDraft.PostDraft(first, longTitle, "x")))), Reason.VALUE_TOO_LONG, "posts.title",
                "posts.title");
        assertThatThrownBy(() -> read.withPosts(List.of(read.posts().get(0), read.posts().get(0))))
                .as("one post twice in a draft").isInstanceOf(IllegalArgumentException.class);
    }

    private static List<UserDraft.PostDraft> with(List<UserDraft.PostDraft> posts, UserDraft.PostDraft post) {
        List<UserDraft.PostDraft> all = new ArrayList<>(posts);
        all.add(post);
        return all;
    }

    /** The posts with the one of {@code post}'s id replaced by it. */
    private static List<UserDraft.PostDraft> replaced(List<UserDraft.PostDraft> posts, UserDraft.PostDraft post) {
        return posts.stream().map(p -> p.id().equals(post.id()) ? post : p).toList();
    }

    @RepeatedTest(value = 5, name = "race {currentRepetition} of {totalRepetitions}")
    void two_saves_of_the_same_version_at_once_one_wins_the_other_is_a_conflict_and_the_tables_hold_the_winners()
            throws Exception {
        long alice = aliceWithFivePosts();
        UserDraft read = storedDraft(alice);
        UserDraft[] drafts = new UserDraft[2];
        for (int t = 0; t < 2; t++) {
            List<UserDraft.PostDraft> posts = new ArrayList<>(read.posts().subList(0, 4 - t));
            posts.set(0, new UserDraft.PostDraft(posts.get(0).id(), "edited by " + t, "text " + t));
            posts.add(UserDraft.PostDraft.added("added by " + t, null));
            drafts[t] = read.withName("saved by " + t).withPosts(posts);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<User>> saves = new ArrayList<>();
        try {
            for (UserDraft draft : drafts) {
                saves.add(pool.submit(() -> {
                    start.await();
                    return repository.saveUserWithPosts(draft);
                }));
            }
            start.countDown();
            List<User> won = new ArrayList<>();
            List<Reason> refused = new ArrayList<>();
            for (Future<User> save : saves) {
                try {
                    won.add(save.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(RepositoryException.class);
                    refused.add(((RepositoryException) e.getCause()).reason());
                }
            }

            assertThat(won).as("saves that won").hasSize(1);
            assertThat(refused).as("saves refused").containsExactly(Reason.CONFLICT);
            User winner = won.get(0);
            assertThat(fixtures.describeUsersWithPosts().stream().filter(line -> !line.contains("Bob")).toList())
                    .as("the tables hold the winner's graph").containsExactlyElementsOf(Graphs.describeUsers(won));
            assertThat(fixtures.versionOf(alice)).isEqualTo(1).isEqualTo(winner.getVersion());
        } finally {
            pool.shutdownNow();
        }
    }
}
