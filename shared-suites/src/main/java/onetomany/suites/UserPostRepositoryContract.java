package onetomany.suites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import onetomany.contract.Limits;
import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserPostRepository;
import onetomany.db.StatementLog;
import onetomany.fixtures.Fixtures;
import onetomany.fixtures.Graphs;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The shared contract suite: every library runs exactly these tests, through {@link UserPostRepository} only.
 *
 * <p>A module subclasses it with one line, its {@code createRepository(DataSource)}. Each test starts from
 * empty tables; statements are counted through the proxy around the DataSource as reset &rarr; act &rarr;
 * assert, and expected data is read with plain JDBC ({@link Fixtures}), never through the library under test.
 */
public abstract class UserPostRepositoryContract extends RepositoryTestSupport {

    // ---------------------------------------------------------------------------------------------------------
    // The seed script

    @Test
    void saving_alice_alone_saves_her_two_posts_and_her_posts_print_their_titles() {
        NewUser alice = new NewUser("Alice",
                new NewPost("First Post", "Content of first post"),
                new NewPost("Second Post", "Content of second post"));

        User saved = repository.createUserWithPosts(alice);

        assertStatements(budget.createUserWithPosts(2), "createUserWithPosts(Alice, 2 posts)");
        assertThat(saved.getId()).isNotNull();
        assertThat(saved.getPosts()).extracting(Post::getId).doesNotContainNull().isSorted();
        assertThat(walkUsers(List.of(saved))).containsExactlyElementsOf(fixtures.describeUsersWithPosts());
        Graphs.assertBackReferences(List.of(saved));

        User readBack = repository.findUserWithPosts(saved.getId()).orElseThrow();
        assertThat(readBack.getPosts()).extracting(Post::getTitle).containsExactly("First Post", "Second Post");
        assertThat(readBack.getPosts()).extracting(Post::getContent)
                .containsExactly("Content of first post", "Content of second post");
    }

    @Test
    void a_user_can_be_saved_without_posts() {
        User saved = repository.createUserWithPosts(new NewUser("Bob"));

        assertStatements(budget.createUserWithPosts(0), "createUserWithPosts(Bob, no post)");
        assertThat(saved.getPosts()).isEmpty();
        assertThat(fixtures.describeUsersWithPosts()).containsExactly(Graphs.user(saved.getId(), "Bob"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // relationship(back_populates=...): user.posts and post.author, the same objects

    @Test
    void a_user_is_found_with_all_his_posts_in_one_statement_and_each_post_points_back_to_him() {
        List<Long> ids = fixtures.usersWithPosts(3, 3);
        statements.reset();

        User second = repository.findUserWithPosts(ids.get(1)).orElseThrow();

        assertStatements(1, "findUserWithPosts");
        assertThat(walkUsers(List.of(second)))
                .containsExactlyElementsOf(fixtures.describeUsersWithPosts().subList(4, 8));
        Graphs.assertBackReferences(List.of(second));
    }

    @Test
    void a_user_without_posts_is_found_with_an_empty_list() {
        long id = fixtures.insertUser("Carol");
        statements.reset();

        User carol = repository.findUserWithPosts(id).orElseThrow();

        assertStatements(1, "findUserWithPosts");
        assertThat(carol.getName()).isEqualTo("Carol");
        assertThat(carol.getPosts()).isEmpty();
    }

    @Test
    void finding_a_user_that_does_not_exist_gives_nothing() {
        fixtures.usersWithPosts(1, 1);
        statements.reset();

        Optional<User> nobody = repository.findUserWithPosts(fixtures.unusedUserId());

        assertStatements(1, "findUserWithPosts(unknown id)");
        assertThat(nobody).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // joinedload / selectinload / subqueryload / the N+1 problem; order_by(User.id) and .unique()

    Stream<Arguments> strategiesAndSizes() {
        List<Arguments> arguments = new ArrayList<>();
        for (LoadStrategy strategy : LoadStrategy.values()) {
            for (int users : new int[] {1, 10, 200}) {
                arguments.add(Arguments.of(strategy, users));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} with {1} users x 3 posts")
    @MethodSource("strategiesAndSizes")
    void all_users_are_loaded_with_their_posts_once_each_in_order_within_the_strategys_statements(
            LoadStrategy strategy, int users) {
        fixtures.usersWithPosts(users, 3);
        statements.reset();

        List<User> loaded = repository.findAllUsersWithPosts(strategy);

        List<StatementLog.Executed> sent = statements.executed();
        assertStatements(strategy.statements(users), "findAllUsersWithPosts(" + strategy + ")");
        if (strategy == LoadStrategy.JOINED) {
            assertThat(sent.get(0).toString()).as("the one statement of JOINED").containsIgnoringCase("join");
        } else {
            // The others read each table on its own: a join here would be JOINED under another name.
            assertThat(sent).as("the statements of %s", strategy)
                    .allSatisfy(s -> assertThat(s.toString()).doesNotContainIgnoringCase("join"));
        }
        if (strategy == LoadStrategy.SELECT_IN && users > 1) {
            // With one user, Hibernate asks "user_id = ?" (no list to look up): the list only shows from two on.
            assertPostsLookedUpByAListOfIds(sent.subList(1, sent.size()));
        }
        if (strategy == LoadStrategy.SUBQUERY && users > 1) {
            // With one user, Hibernate again asks "user_id = ?": a subquery to find one id it knows is no use.
            assertPostsLookedUpByASubquery(sent.get(1));
        }
        assertThat(walkUsers(loaded)).containsExactlyElementsOf(fixtures.describeUsersWithPosts());
        Graphs.assertBackReferences(loaded);
    }

    /**
     * selectinload sends the users' ids in chunks of 500, as SQLAlchemy does: 1 + ceil(N / 500) statements, whatever
     * N, each chunk within what any database accepts. SUBQUERY stays at 2.
     */
    @ParameterizedTest(name = "{0} users x 2 posts")
    @ValueSource(ints = {0, 1, 499, 500, 501, 1_200})
    void select_in_looks_posts_up_by_chunks_of_at_most_500_user_ids(int users) {
        fixtures.manyUsersWithPosts(users, 2);
        List<String> expected = fixtures.describeUsersWithPosts();
        statements.reset();

        List<User> loaded = repository.findAllUsersWithPosts(LoadStrategy.SELECT_IN);

        List<StatementLog.Executed> sent = statements.executed();
        assertStatements(LoadStrategy.SELECT_IN.statements(users), "findAllUsersWithPosts(SELECT_IN), " + users
                + " users");
        assertThat(sent.size()).as("statements for 0, 1, 499, 500, 501, 1,200 users")
                .isEqualTo(switch (users) {
                    case 0 -> 1;
                    case 1, 499, 500 -> 2;
                    case 501 -> 3;
                    default -> 4;
                });
        assertThat(sent).allSatisfy(s -> assertThat(s.toString()).doesNotContainIgnoringCase("join"));
        if (users > 1) {
            assertPostsLookedUpByAListOfIds(sent.subList(1, sent.size() - (users % 500 == 1 ? 1 : 0)));
        }
        assertThat(walkUsers(loaded)).containsExactlyElementsOf(expected);
        Graphs.assertBackReferences(loaded);
    }

    @ParameterizedTest(name = "{0} users x 2 posts")
    @ValueSource(ints = {0, 1, 501, 1_200})
    void subquery_loads_every_users_posts_in_one_statement_whatever_n(int users) {
        fixtures.manyUsersWithPosts(users, 2);
        List<String> expected = fixtures.describeUsersWithPosts();
        statements.reset();

        List<User> loaded = repository.findAllUsersWithPosts(LoadStrategy.SUBQUERY);

        List<StatementLog.Executed> sent = statements.executed();
        assertStatements(LoadStrategy.SUBQUERY.statements(users), "findAllUsersWithPosts(SUBQUERY), " + users
                + " users");
        assertThat(sent).hasSize(users == 0 ? 1 : 2);
        assertThat(sent).allSatisfy(s -> assertThat(s.toString()).doesNotContainIgnoringCase("join"));
        if (users > 1) {
            assertPostsLookedUpByASubquery(sent.get(1));
        }
        assertThat(walkUsers(loaded)).containsExactlyElementsOf(expected);
        Graphs.assertBackReferences(loaded);
    }

    /**
     * Each statement reads the posts of a list of user ids: {@code in (?, ?, ...)} or, where the library binds the
     * list as one array, {@code = any (?)}; never a subquery (that is SUBQUERY).
     */
    private static void assertPostsLookedUpByAListOfIds(List<StatementLog.Executed> lookups) {
        assertThat(lookups).as("the statements of SELECT_IN after the users'").isNotEmpty().allSatisfy(s ->
                assertThat(s.toString()).containsIgnoringCase("posts")
                        .containsPattern("(?i)(\\bin\\s*\\(\\s*\\?|=\\s*any\\s*\\(\\s*\\?)")
                        .doesNotContainPattern("(?i)\\(\\s*select\\b"));
    }

    /** The posts of every user of the users' query, that query again as a subquery: no id is sent. */
    private static void assertPostsLookedUpByASubquery(StatementLog.Executed lookup) {
        assertThat(lookup.toString()).as("the second statement of SUBQUERY")
                .containsIgnoringCase("posts")
                .containsPattern("(?i)\\bin\\s*\\(\\s*select\\b[^)]*\\busers\\b")
                .doesNotContain("?");
    }

    @ParameterizedTest
    @EnumSource(LoadStrategy.class)
    void users_without_posts_are_loaded_with_an_empty_list(LoadStrategy strategy) {
        long withPosts = fixtures.insertUser("Alice");
        fixtures.insertUser("Bob");
        fixtures.insertPost(withPosts, "First Post", null);
        fixtures.insertUser("Carol");
        statements.reset();

        List<User> loaded = repository.findAllUsersWithPosts(strategy);

        assertStatements(strategy.statements(3), "findAllUsersWithPosts(" + strategy + ")");
        assertThat(loaded).extracting(User::getName).containsExactly("Alice", "Bob", "Carol");
        assertThat(loaded.get(1).getPosts()).isEmpty();
        assertThat(loaded.get(2).getPosts()).isEmpty();
        assertThat(walkUsers(loaded)).containsExactlyElementsOf(fixtures.describeUsersWithPosts());
    }

    @ParameterizedTest
    @EnumSource(LoadStrategy.class)
    void no_users_load_as_an_empty_list(LoadStrategy strategy) {
        List<User> loaded = repository.findAllUsersWithPosts(strategy);

        assertStatements(strategy.statements(0), "findAllUsersWithPosts(" + strategy + ") on empty tables");
        assertThat(loaded).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // yield_per: every user with his posts, streamed

    @ParameterizedTest(name = "{0} users x 3 posts")
    @ValueSource(ints = {1, 10, 200})
    void the_stream_hands_each_user_over_complete_in_one_statement_the_same_graph_as_joined(int users) {
        fixtures.usersWithPosts(users, 3);
        long withoutPosts = fixtures.insertUser("Nobody's author");
        List<String> joined = Graphs.describeUsers(repository.findAllUsersWithPosts(LoadStrategy.JOINED));
        statements.reset();
        List<User> handedOver = new ArrayList<>();
        List<String> asHandedOver = new ArrayList<>();

        repository.forEachUserWithPosts(user -> {
            // Complete when handed over: described now, not after the read; and both directions already linked.
            asHandedOver.addAll(Graphs.describeUsers(List.of(user)));
            Graphs.assertBackReferences(List.of(user));
            handedOver.add(user);
        });

        assertStatements(1, "forEachUserWithPosts");
        assertThat(asHandedOver).containsExactlyElementsOf(joined)
                .containsExactlyElementsOf(fixtures.describeUsersWithPosts());
        assertThat(walkUsers(handedOver)).containsExactlyElementsOf(joined);
        assertThat(handedOver.get(handedOver.size() - 1).getId()).isEqualTo(withoutPosts);
        assertThat(handedOver.get(handedOver.size() - 1).getPosts()).isEmpty();
        Graphs.assertBackReferences(handedOver);
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertThat(database.openStatements()).as("statements never closed").isZero();
    }

    @Test
    void the_stream_of_no_users_hands_nothing_over_in_one_statement() {
        AtomicInteger handedOver = new AtomicInteger();

        repository.forEachUserWithPosts(user -> handedOver.incrementAndGet());

        assertStatements(1, "forEachUserWithPosts on empty tables");
        assertThat(handedOver).hasValue(0);
    }

    @Test
    void a_consumer_that_throws_stops_the_stream_its_own_exception_reaches_the_caller_and_nothing_stays_open() {
        fixtures.manyUsersWithPosts(5_000, 2);
        List<String> before = fixtures.snapshot();
        IllegalStateException thrown = new IllegalStateException("the consumer gives up at the third user");
        AtomicInteger handedOver = new AtomicInteger();
        statements.reset();

        assertThatThrownBy(() -> repository.forEachUserWithPosts(user -> {
            if (handedOver.incrementAndGet() == 3) {
                throw thrown;
            }
        })).as("the consumer's own exception, unchanged").isSameAs(thrown);

        assertThat(handedOver).as("users handed over").hasValue(3);
        assertStatements(1, "forEachUserWithPosts stopped by its consumer");
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertThat(database.openStatements()).as("statements opened %d, never closed", database.openedStatements())
                .isZero();
        assertThat(fixtures.snapshot()).isEqualTo(before);
        // The repository still works: nothing of the stopped read is left in the way.
        AtomicInteger all = new AtomicInteger();
        repository.forEachUserWithPosts(user -> all.incrementAndGet());
        assertThat(all).hasValue(5_000);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Large data

    /**
     * 70,000 users with one post each: more than PostgreSQL's 65,535 bind parameters, so a SELECT_IN that sent every
     * id at once would be refused there. Every strategy and the stream return all of them, graph checked. NAIVE
     * included: its 70,001 statements take seconds per library on a real server (docs/contract.md gives the suite's
     * times), the price of showing that it too returns all of them.
     */
    @Test
    void seventy_thousand_users_are_all_loaded_by_every_strategy_and_by_the_stream() {
        int users = fixtures.manyUsersWithPosts(70_000, 1);
        List<String> expected = fixtures.describeUsersWithPosts();
        assertThat(users).isEqualTo(70_000);
        assertThat(expected).hasSize(140_000);

        for (LoadStrategy strategy : LoadStrategy.values()) {
            statements.reset();
            List<User> loaded = repository.findAllUsersWithPosts(strategy);
            assertStatements(strategy.statements(users), "findAllUsersWithPosts(" + strategy + "), 70,000 users");
            // isEqualTo: List.equals, linear; containsExactlyElementsOf would say more on a failure, but slowly.
            assertThat(walkUsers(loaded)).as("%s, 70,000 users", strategy).isEqualTo(expected);
            Graphs.assertBackReferences(loaded);
        }

        List<String> streamed = new ArrayList<>(expected.size());
        repository.forEachUserWithPosts(user -> {
            Graphs.assertBackReferences(List.of(user));
            streamed.addAll(Graphs.describeUsers(List.of(user)));
        });
        assertStatements(1, "forEachUserWithPosts, 70,000 users");
        assertThat(streamed).as("the stream, 70,000 users").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} users x 3 posts")
    @ValueSource(ints = {1, 10, 200})
    void all_posts_are_loaded_with_their_authors_in_one_statement_and_share_author_instances(int users) {
        fixtures.usersWithPosts(users, 3);
        statements.reset();

        List<Post> posts = repository.findAllPostsWithAuthors();

        assertStatements(1, "findAllPostsWithAuthors");
        assertThat(walkPosts(posts)).containsExactlyElementsOf(fixtures.describePostsWithAuthors());
        Graphs.assertSharedAuthors(posts);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writes through the relationship

    @Test
    void a_post_added_to_a_user_comes_last_in_his_posts() {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "First Post", "one");
        fixtures.insertPost(alice, "Second Post", "two");
        statements.reset();

        long added = repository.addPost(alice, new NewPost("Third Post", null));

        assertStatements(budget.addPost(), "addPost");
        assertThat(fixtures.countPostsOf(alice)).isEqualTo(3);
        User reloaded = repository.findUserWithPosts(alice).orElseThrow();
        assertThat(reloaded.getPosts()).extracting(Post::getTitle)
                .containsExactly("First Post", "Second Post", "Third Post");
        assertThat(reloaded.getPosts().get(2).getId()).isEqualTo(added);
    }

    @Test
    void a_post_removed_from_user_posts_is_deleted_as_an_orphan() {
        long alice = fixtures.insertUser("Alice");
        long bob = fixtures.insertUser("Bob");
        fixtures.insertPost(alice, "First Post", null);
        long second = fixtures.insertPost(alice, "Second Post", null);
        fixtures.insertPost(alice, "Third Post", null);
        fixtures.insertPost(bob, "Bob's Post", null);
        statements.reset();

        repository.removePost(alice, second);

        assertStatements(budget.removePost(3), "removePost");
        assertThat(fixtures.count("posts")).isEqualTo(3);
        assertThat(repository.findUserWithPosts(alice).orElseThrow().getPosts()).extracting(Post::getTitle)
                .containsExactly("First Post", "Third Post");
        assertThat(fixtures.countPostsOf(bob)).isEqualTo(1);
    }

    @Test
    void a_post_cannot_be_removed_through_a_user_it_does_not_belong_to() {
        long alice = fixtures.insertUser("Alice");
        long bob = fixtures.insertUser("Bob");
        fixtures.insertPost(alice, "Alice's Post", null);
        long bobsPost = fixtures.insertPost(bob, "Bob's Post", null);

        assertRefused(() -> repository.removePost(alice, bobsPost), Reason.UNKNOWN_POST, null, "" + bobsPost);
        assertRefused(() -> repository.removePost(alice, fixtures.unusedPostId()), Reason.UNKNOWN_POST, null, "");
    }

    @Test
    void a_user_is_renamed_and_keeps_his_posts() {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "First Post", null);
        statements.reset();

        repository.renameUser(alice, "Alicia");

        assertStatements(budget.renameUser(), "renameUser");
        User renamed = repository.findUserWithPosts(alice).orElseThrow();
        assertThat(renamed.getName()).isEqualTo("Alicia");
        assertThat(renamed.getPosts()).extracting(Post::getTitle).containsExactly("First Post");
    }

    @Test
    void a_post_is_edited_and_keeps_its_author() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", "draft");
        statements.reset();

        repository.editPost(post, "First Post, edited", null);

        assertStatements(budget.editPost(), "editPost");
        assertThat(fixtures.describePostsWithAuthors()).containsExactly(
                Graphs.post(post, "First Post, edited", null) + " by " + Graphs.user(alice, "Alice"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The version: the user is the root of his posts' aggregate

    @Test
    void every_read_gives_the_users_version_and_every_write_to_him_or_his_posts_bumps_it_once() {
        User created = repository.createUserWithPosts(new NewUser("Alice", new NewPost("First Post", null)));
        long alice = created.getId();
        long first = created.getPosts().get(0).getId();
        long bob = fixtures.insertUser("Bob");
        assertThat(created.getVersion()).as("a new user's version").isZero();
        assertThat(fixtures.versionOf(alice)).isZero();

        long second = repository.addPost(alice, new NewPost("Second Post", null));
        assertThat(fixtures.versionOf(alice)).as("after addPost").isEqualTo(1);
        repository.editPost(first, "First Post, edited", "text");
        assertThat(fixtures.versionOf(alice)).as("after editPost").isEqualTo(2);
        repository.renameUser(alice, "Alicia");
        assertThat(fixtures.versionOf(alice)).as("after renameUser").isEqualTo(3);
        repository.removePost(alice, second);
        assertThat(fixtures.versionOf(alice)).as("after removePost").isEqualTo(4);
        assertThat(fixtures.versionOf(bob)).as("a bystander's version").isZero();

        assertThat(repository.findUserWithPosts(alice).orElseThrow().getVersion()).isEqualTo(4);
        for (LoadStrategy strategy : LoadStrategy.values()) {
            assertThat(repository.findAllUsersWithPosts(strategy)).as("%s", strategy)
                    .extracting(User::getId, User::getVersion).containsExactly(tuple(alice, 4L), tuple(bob, 0L));
        }
        List<Long> streamed = new ArrayList<>();
        repository.forEachUserWithPosts(user -> streamed.add(user.getVersion()));
        assertThat(streamed).containsExactly(4L, 0L);
        assertThat(repository.findAllPostsWithAuthors()).extracting(post -> post.getAuthor().getVersion())
                .containsExactly(4L);
    }

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

    // ---------------------------------------------------------------------------------------------------------
    // cascade="all, delete-orphan": deleting a user deletes his posts

    @ParameterizedTest(name = "a user with {0} posts")
    @ValueSource(ints = {0, 3, 10})
    void deleting_a_user_deletes_his_posts_in_the_same_unit_of_work(int posts) {
        List<Long> ids = fixtures.usersWithPosts(3, posts);
        long victim = ids.get(1);
        List<String> others = fixtures.describeUsersWithPosts().stream()
                .filter(line -> !line.startsWith(Graphs.user(victim, "")) && !line.contains("of user-002"))
                .toList();
        statements.reset();

        repository.deleteUser(victim);

        assertStatements(budget.deleteUser(posts), "deleteUser with " + posts + " posts");
        assertThat(fixtures.countPostsOf(victim)).isZero();
        assertThat(fixtures.count("users")).isEqualTo(2);
        assertThat(fixtures.describeUsersWithPosts()).containsExactlyElementsOf(others);
    }

    @Test
    void deleting_a_user_that_does_not_exist_is_refused() {
        fixtures.usersWithPosts(2, 2);
        long unknown = fixtures.unusedUserId();

        assertRefused(() -> repository.deleteUser(unknown), Reason.UNKNOWN_USER, null, "user " + unknown);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bad input: one exception type, the field named, nothing written

    @Test
    void a_user_without_a_name_is_refused() {
        fixtures.usersWithPosts(2, 2);

        assertRefused(() -> repository.createUserWithPosts(new NewUser(null, new NewPost("First Post", null))),
                Reason.MISSING_VALUE, "users.name", "users.name");
    }

    @Test
    void a_post_without_a_title_is_refused() {
        fixtures.usersWithPosts(2, 2);

        assertRefused(() -> repository.createUserWithPosts(new NewUser("Alice", new NewPost(null, "text"))),
                Reason.MISSING_VALUE, "posts.title", "posts.title");
    }

    @Test
    void a_name_of_100_characters_fits_and_101_is_refused() {
        String longest = "n".repeat(Limits.USER_NAME_LENGTH);
        User saved = repository.createUserWithPosts(new NewUser(longest));
        assertThat(repository.findUserWithPosts(saved.getId()).orElseThrow().getName()).isEqualTo(longest);

        assertRefused(() -> repository.createUserWithPosts(new NewUser(longest + "n")),
                Reason.VALUE_TOO_LONG, "users.name", "users.name");
        assertRefused(() -> repository.renameUser(saved.getId(), longest + "n"),
                Reason.VALUE_TOO_LONG, "users.name", "users.name");
    }

    @Test
    void a_title_of_200_characters_fits_and_201_is_refused() {
        String longest = "t".repeat(Limits.POST_TITLE_LENGTH);
        User saved = repository.createUserWithPosts(new NewUser("Alice", new NewPost(longest, null)));
        assertThat(saved.getPosts().get(0).getTitle()).isEqualTo(longest);
        long postId = saved.getPosts().get(0).getId();

        assertRefused(() -> repository.addPost(saved.getId(), new NewPost(longest + "t", null)),
                Reason.VALUE_TOO_LONG, "posts.title", "posts.title");
        assertRefused(() -> repository.editPost(postId, longest + "t", null),
                Reason.VALUE_TOO_LONG, "posts.title", "posts.title");
    }

    @Test
    void a_post_without_an_author_is_refused() {
        fixtures.usersWithPosts(1, 1);

        assertRefused(() -> repository.addPost(null, new NewPost("Orphan", null)),
                Reason.MISSING_VALUE, "posts.user_id", "posts.user_id");
    }

    @Test
    void a_post_for_a_user_that_does_not_exist_is_refused_naming_the_id() {
        fixtures.usersWithPosts(1, 1);
        long unknown = fixtures.unusedUserId();

        assertRefused(() -> repository.addPost(unknown, new NewPost("Lost", null)),
                Reason.UNKNOWN_USER, null, "user " + unknown);
    }

    @Test
    void a_user_whose_third_post_is_invalid_is_not_saved_at_all_nor_his_first_two_posts() {
        fixtures.usersWithPosts(2, 2);

        assertRefused(() -> repository.createUserWithPosts(new NewUser("Alice",
                        new NewPost("First Post", null), new NewPost("Second Post", null), new NewPost(null, null))),
                Reason.MISSING_VALUE, "posts.title", "posts.title");
        assertRefused(() -> repository.createUserWithPosts(new NewUser("Alice",
                        new NewPost("First Post", null), new NewPost("Second Post", null),
                        new NewPost("t".repeat(Limits.POST_TITLE_LENGTH + 1), null))),
                Reason.VALUE_TOO_LONG, "posts.title", "posts.title");
    }

    @Test
    void renaming_to_no_name_or_renaming_nobody_is_refused() {
        long alice = fixtures.insertUser("Alice");

        assertRefused(() -> repository.renameUser(alice, null), Reason.MISSING_VALUE, "users.name", "users.name");
        long unknown = fixtures.unusedUserId();
        assertRefused(() -> repository.renameUser(unknown, "Nobody"), Reason.UNKNOWN_USER, null, "user " + unknown);
    }

    @Test
    void editing_a_post_to_no_title_or_editing_no_post_is_refused() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", "text");

        assertRefused(() -> repository.editPost(post, null, "text"), Reason.MISSING_VALUE, "posts.title",
                "posts.title");
        long unknown = fixtures.unusedPostId();
        assertRefused(() -> repository.editPost(unknown, "Title", null), Reason.UNKNOWN_POST, null, "post " + unknown);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Rows sent by the statements starting with {@code sql}: a batch's size, or 1 for a statement on its own. */
    private static int rowsSent(List<StatementLog.Executed> sent, String sql) {
        return sent.stream().filter(e -> e.sql().get(0).toLowerCase(java.util.Locale.ROOT).startsWith(sql))
                .mapToInt(e -> Math.max(1, e.batchSize())).sum();
    }

    /** Bob's user and post rows. */
    private List<String> bobsRows() {
        return fixtures.snapshot().stream().filter(row -> row.contains("Bob")).toList();
    }

    private void assertStatements(int expected, String operation) {
        assertThat(statements.count())
                .as("statements sent by %s:%n%s", operation, statements)
                .isEqualTo(expected);
        statements.reset();
    }

    /** Walks a returned graph: it must be complete, so walking it sends nothing. */
    private List<String> walkUsers(List<? extends User> users) {
        statements.reset();
        List<String> lines = Graphs.describeUsers(users);
        assertStatements(0, "walking the returned users and posts");
        return lines;
    }

    private List<String> walkPosts(List<? extends Post> posts) {
        statements.reset();
        List<String> lines = Graphs.describePosts(posts);
        assertStatements(0, "walking the returned posts and authors");
        return lines;
    }
}
