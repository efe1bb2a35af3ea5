package onetomany.suites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import onetomany.contract.LoadStrategy;
import onetomany.contract.Limits;
import onetomany.contract.Post;
import onetomany.contract.PostSummary;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.User;
import onetomany.db.StatementLog;
import onetomany.fixtures.Graphs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
/**
 * The shared suite of loading, part of the contract every library runs through {@link UserPostRepository} only: one
 * user with his posts, every user by each {@link LoadStrategy} (the number of statements, their shape, the order),
 * the stream, and 70,000 users at once.
 *
 * <p>A module subclasses it with one line, its {@code createRepository(DataSource)}. Each test starts from
 * empty tables; statements are counted through the proxy around the DataSource as reset &rarr; act &rarr;
 * assert, and expected data is read with plain JDBC ({@link Fixtures}), never through the library under test.
 */
public abstract class UserPostRepositoryLoadingContract extends RepositoryTestSupport {

    /**
     * Whether the library reads the posts of a single user with {@code user_id = ?}, where SELECT_IN sends a list of
     * ids and SUBQUERY the users' query: with one user loaded, or one id left for SELECT_IN's last chunk. Hibernate
     * ORM does (no list to look up, and no use for a subquery that finds one id it knows), and its module says so by
     * overriding this. The shape of that one statement is then left unchecked; the number of statements is checked
     * all the same.
     */
    protected boolean readsOneUsersPostsByHisId() {
        return false;
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
        boolean oneUserById = users == 1 && readsOneUsersPostsByHisId();
        if (strategy == LoadStrategy.SELECT_IN && !oneUserById) {
            assertPostsLookedUpByAListOfIds(sent.subList(1, sent.size()));
        }
        if (strategy == LoadStrategy.SUBQUERY && !oneUserById) {
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
        boolean lastChunkOfOneById = users % 500 == 1 && readsOneUsersPostsByHisId();
        List<StatementLog.Executed> lookups = sent.subList(Math.min(1, sent.size()),
                sent.size() - (lastChunkOfOneById ? 1 : 0));
        if (users > 0 && !lookups.isEmpty()) {
            assertPostsLookedUpByAListOfIds(lookups);
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
        if (users > 1 || users == 1 && !readsOneUsersPostsByHisId()) {
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

    /**
     * The same with an {@link Error}, as a consumer's failed assertion throws: it is not the library's to wrap or to
     * swallow, and the unit of work is released as for any failure.
     */
    @Test
    void a_consumer_whose_assertion_fails_gets_its_error_back_unchanged_and_nothing_stays_open() {
        fixtures.usersWithPosts(3, 2);
        AssertionError thrown = new AssertionError("the consumer's check fails at the second user");
        AtomicInteger handedOver = new AtomicInteger();

        assertThatThrownBy(() -> repository.forEachUserWithPosts(user -> {
            if (handedOver.incrementAndGet() == 2) {
                throw thrown;
            }
        })).as("the consumer's own error, unchanged").isSameAs(thrown);

        assertThat(handedOver).as("users handed over").hasValue(2);
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertThat(database.openStatements()).as("statements opened %d, never closed", database.openedStatements())
                .isZero();
        AtomicInteger all = new AtomicInteger();
        repository.forEachUserWithPosts(user -> all.incrementAndGet());
        assertThat(all).hasValue(3);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Large data

    /**
     * 70,000 users with one post each: more than PostgreSQL's 65,535 bind parameters, so a SELECT_IN that sent every
     * id at once would be refused there. Every strategy and the stream return all of them, graph checked. NAIVE
     * included: its 70,001 statements take seconds per library on a real server (docs/contract.md gives the suite's
     * times), the price of showing that it too returns all of them.
     */
    @Tag(SLOW) // 10 to 30 s
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
    // A page of users with their posts: the limit in the database, every user whole

    /**
     * Pages of every size walk all users exactly once, in id order, each whole: a join limited by the database would
     * count posts, not users, and cut a user's list; a limit applied by the program would read every user.
     */
    @ParameterizedTest(name = "pages of {0} over 23 users")
    @ValueSource(ints = {1, 5, 10, 23, 500})
    void pages_of_users_walk_every_user_once_in_order_each_with_all_his_posts_in_two_statements_a_page(int limit) {
        fixtures.usersWithPosts(20, 3);
        fixtures.insertUser("Without posts");
        long last = fixtures.insertUser("Also without posts");
        fixtures.insertPost(fixtures.insertUser("One post"), "Only Post", null);
        List<User> walked = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            statements.reset();
            List<User> page = repository.findUsersWithPostsPage(after, limit);
            List<StatementLog.Executed> sent = statements.executed();
            assertStatements(page.isEmpty() ? 1 : 2, "findUsersWithPostsPage(" + after + ", " + limit + ")");
            assertThat(page).as("a page's size").hasSizeLessThanOrEqualTo(limit);
            assertThat(sent.get(0).toString()).as("the page of users: the database limits it")
                    .containsIgnoringCase("users").containsPattern("(?i)\\b(limit|fetch|top)\\b")
                    .doesNotContainIgnoringCase("join");
            if (!page.isEmpty()) {
                assertThat(sent.get(1).toString()).as("the posts of the page's users").containsIgnoringCase("posts");
            }
            Graphs.assertBackReferences(page);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            walked.addAll(page);
            after = page.get(page.size() - 1).getId();
        }
        assertThat(pages).as("pages of %d over 23 users", limit).isEqualTo((23 + limit - 1) / limit);
        assertThat(walked.get(walked.size() - 2).getId()).isEqualTo(last);
        assertThat(walkUsers(walked)).containsExactlyElementsOf(fixtures.describeUsersWithPosts());
    }

    @Test
    void a_page_starts_after_the_given_id_whether_or_not_a_user_has_it() {
        List<Long> ids = fixtures.usersWithPosts(6, 2);
        fixtures.deleteUserWithPosts(ids.get(2));
        statements.reset();

        List<User> page = repository.findUsersWithPostsPage(ids.get(2), 2);

        assertStatements(2, "findUsersWithPostsPage after a deleted user");
        assertThat(page).extracting(User::getId).containsExactly(ids.get(3), ids.get(4));
        assertThat(page).allSatisfy(user -> assertThat(user.getPosts()).hasSize(2));
        Graphs.assertBackReferences(page);
    }

    @Test
    void a_page_after_the_last_user_or_of_no_users_is_empty_in_one_statement() {
        assertThat(repository.findUsersWithPostsPage(0, 10)).isEmpty();
        List<Long> ids = fixtures.usersWithPosts(3, 1);
        statements.reset();

        List<User> page = repository.findUsersWithPostsPage(ids.get(2), 10);

        assertStatements(1, "findUsersWithPostsPage after the last user");
        assertThat(page).isEmpty();
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {0, -1, Limits.PAGE_SIZE_MAX + 1, Integer.MAX_VALUE})
    void a_page_limit_outside_one_to_the_maximum_is_refused_before_any_statement(int limit) {
        fixtures.usersWithPosts(2, 1);
        statements.reset();

        assertRefused(() -> repository.findUsersWithPostsPage(0, limit), Reason.INVALID_ARGUMENT, null, "limit");

        assertStatements(0, "findUsersWithPostsPage with limit " + limit);
    }

    @Test
    void a_negative_id_to_start_after_is_refused_before_any_statement() {
        statements.reset();

        assertRefused(() -> repository.findUsersWithPostsPage(-1, 10), Reason.INVALID_ARGUMENT, null, "afterUserId");

        assertStatements(0, "findUsersWithPostsPage after -1");
    }

    // ---------------------------------------------------------------------------------------------------------
    // A projection: posts with their authors' names, as plain records

    @ParameterizedTest(name = "{0} users x 3 posts")
    @ValueSource(ints = {0, 1, 10, 200})
    void post_summaries_are_every_post_in_id_order_with_its_authors_id_and_name_in_one_statement(int users) {
        fixtures.usersWithPosts(users, 3);
        fixtures.insertUser("Without posts");
        statements.reset();

        List<PostSummary> summaries = repository.findPostSummaries();

        assertStatements(1, "findPostSummaries");
        assertThat(statements.executed().get(0).toString()).as("the one statement: posts joined to their authors")
                .containsIgnoringCase("join").doesNotContainPattern("(?i)\\bcontent\\b");
        assertThat(summaries).extracting(PostSummary::postId).isSorted();
        assertThat(summaries.stream().map(s -> s.postId() + " " + s.title() + " by " + s.authorId() + " "
                + s.authorName()).toList())
                .containsExactlyElementsOf(fixtures.describePostSummaries());
    }
}
