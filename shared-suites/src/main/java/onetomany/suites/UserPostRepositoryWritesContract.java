package onetomany.suites;

import java.util.ArrayList;
import java.util.List;

import onetomany.contract.Limits;
import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.User;
import onetomany.fixtures.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
/**
 * The shared suite of writes, part of the contract every library runs through {@link UserPostRepository} only: the
 * seed script, the writes through the relationship, the version they bump, the cascade of a delete, and bad input
 * (one exception type, the field named, nothing written).
 *
 * <p>A module subclasses it with one line, its {@code createRepository(DataSource)}. Each test starts from
 * empty tables; statements are counted through the proxy around the DataSource as reset &rarr; act &rarr;
 * assert, and expected data is read with plain JDBC ({@link Fixtures}), never through the library under test.
 */
public abstract class UserPostRepositoryWritesContract extends RepositoryTestSupport {

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
    void the_budget_asked_of_the_repository_at_any_time_is_the_one_its_writes_keep() {
        long alice = fixtures.insertUser("Alice");
        statements.reset();

        repository.addPost(alice, new NewPost("Late", null));

        assertStatements(repository.budget().addPost(), "addPost, against the budget asked after it");
        assertThat(repository.budget().createUserWithPosts(2)).isEqualTo(budget.createUserWithPosts(2));
    }

    @Test
    void a_user_can_be_saved_without_posts() {
        User saved = repository.createUserWithPosts(new NewUser("Bob"));

        assertStatements(budget.createUserWithPosts(0), "createUserWithPosts(Bob, no post)");
        assertThat(saved.getPosts()).isEmpty();
        assertThat(fixtures.describeUsersWithPosts()).containsExactly(Graphs.user(saved.getId(), "Bob"));
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
        long nobody = fixtures.unusedUserId();
        assertRefused(() -> repository.removePost(nobody, bobsPost), Reason.UNKNOWN_POST, null, "" + bobsPost);
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
}
