package onetomany.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;


import onetomany.contract.RepositoryException.Reason;
import onetomany.db.StatementLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

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
    // joinedload / selectinload / the N+1 problem; order_by(User.id) and .unique()

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
        assertStatements(expectedStatements(strategy, users), "findAllUsersWithPosts(" + strategy + ")");
        if (strategy == LoadStrategy.JOINED) {
            assertThat(sent.get(0).toString()).as("the one statement of JOINED").containsIgnoringCase("join");
        } else {
            // SELECT_IN and NAIVE read each table on its own: a join here would be JOINED under another name.
            assertThat(sent).as("the statements of %s", strategy)
                    .allSatisfy(s -> assertThat(s.toString()).doesNotContainIgnoringCase("join"));
        }
        if (strategy == LoadStrategy.SELECT_IN && users > 1) {
            // With one user, Hibernate asks "user_id = ?" (no list to look up): the list only shows from two on.
            assertThat(sent.get(1).toString()).as("the second statement of SELECT_IN")
                    .containsIgnoringCase("posts").containsPattern("(?i)\\bin\\s*\\(");
        }
        assertThat(walkUsers(loaded)).containsExactlyElementsOf(fixtures.describeUsersWithPosts());
        Graphs.assertBackReferences(loaded);
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

        assertStatements(expectedStatements(strategy, 3), "findAllUsersWithPosts(" + strategy + ")");
        assertThat(loaded).extracting(User::getName).containsExactly("Alice", "Bob", "Carol");
        assertThat(loaded.get(1).getPosts()).isEmpty();
        assertThat(loaded.get(2).getPosts()).isEmpty();
        assertThat(walkUsers(loaded)).containsExactlyElementsOf(fixtures.describeUsersWithPosts());
    }

    @ParameterizedTest
    @EnumSource(LoadStrategy.class)
    void no_users_load_as_an_empty_list(LoadStrategy strategy) {
        List<User> loaded = repository.findAllUsersWithPosts(strategy);

        assertStatements(expectedStatements(strategy, 0), "findAllUsersWithPosts(" + strategy + ") on empty tables");
        assertThat(loaded).isEmpty();
    }

    /** JOINED: 1. SELECT_IN: 2, or 1 with nothing to look up. NAIVE: N+1. The same in every library. */
    private static int expectedStatements(LoadStrategy strategy, int users) {
        return switch (strategy) {
            case JOINED -> 1;
            case SELECT_IN -> users == 0 ? 1 : 2;
            case NAIVE -> 1 + users;
        };
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
