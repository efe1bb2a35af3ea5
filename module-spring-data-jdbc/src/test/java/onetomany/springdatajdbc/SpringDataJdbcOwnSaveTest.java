package onetomany.springdatajdbc;

import java.util.List;
import java.util.Locale;

import onetomany.contract.OwnWays;
import onetomany.contract.Post;
import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.UserDraft;
import onetomany.contract.UserDraft.PostDraft;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.fixtures.Fixtures;
import onetomany.springdatajdbc.model.PostEntity;
import onetomany.springdatajdbc.model.UserEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the library's own {@code save(aggregate)} sends for the draft of the shared suite ("add 2, edit 2, remove 1"
 * on a user with 5 posts), beside the contract's save of the same draft, counted through the same statement log.
 * The library does not know the aggregate as it was read, so it rewrites the children: it deletes every post of the
 * user and inserts every post of the object again, the unchanged ones too. The kept posts keep their ids, because
 * an id set on a post object is inserted as given; only the new posts get generated ones. The comparison report's row
 * beside the contract's save ({@link OwnWays.WholeAggregateSave}) stands on the cases that go through it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringDataJdbcOwnSaveTest {

    private Database database;
    private SpringDataJdbcUserPostRepository repository;
    private StatementLog statements;
    private Fixtures fixtures;

    @BeforeAll
    void open() {
        database = Database.open();
        repository = new SpringDataJdbcUserPostRepository(database.dataSource());
        statements = database.statements();
        fixtures = new Fixtures(database.unproxiedDataSource());
    }

    @AfterAll
    void close() throws Exception {
        repository.close();
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.deleteAllRows();
        statements.reset();
    }

    /** Alice with posts 1 to 5 ("Post 1" has content), as in the shared suite of the draft's save. */
    private long aliceWithFivePosts() {
        long alice = fixtures.insertUser("Alice");
        for (int i = 1; i <= 5; i++) {
            fixtures.insertPost(alice, "Post " + i, i == 1 ? "content 1" : null);
        }
        return alice;
    }

    @Test
    void the_library_s_own_save_deletes_every_post_and_inserts_them_all_again_keeping_their_ids() {
        long alice = aliceWithFivePosts();
        List<Long> before = fixtures.postIdsOf(alice);
        UserEntity user = (UserEntity) repository.findUserWithPosts(alice).orElseThrow();
        // tag::own-save-draft[]
        List<PostEntity> posts = user.getPosts();
        posts.get(1).setTitle("Post 2, edited");           // edit 2
        posts.get(2).setContent("now with content");
        user.removePost(posts.get(4));                     // remove 1
        user.addPost(new PostEntity("Post 6", "six"));     // add 2
        user.addPost(new PostEntity("Post 7", null));
        // end::own-save-draft[]
        statements.reset();

        UserEntity saved = repository.saveAggregate(user);

        List<StatementLog.Executed> sent = statements.executed();
        int newPostInserts = repository.budget().createUserWithPosts(2) - 1; // one batch, or one insert per post
        assertThat(sent).as("the library's save:%n%s", statements).hasSize(3 + newPostInserts);
        assertThat(sql(sent.get(0))).as("the root's versioned update, first")
                .startsWith("update users set").contains("version = ?").endsWith("and users.version = ?");
        assertThat(sql(sent.get(1))).as("then every post of the user").isEqualTo(
                "delete from posts where posts.user_id = ?");
        assertThat(rows(sent, "insert into posts (content, id, title, user_id)"))
                .as("the 4 kept posts inserted again with their ids, the 2 unchanged ones too").isEqualTo(4);
        assertThat(rows(sent, "insert into posts (content, title, user_id)")).as("the 2 new posts").isEqualTo(2);
        assertThat(rows(sent, "update posts")).as("no post is updated: each is deleted and inserted").isZero();

        List<Long> after = fixtures.postIdsOf(alice);
        assertThat(after.subList(0, 4)).as("the kept posts' ids").isEqualTo(before.subList(0, 4));
        assertThat(after).hasSize(6).doesNotContain(before.get(4));
        assertThat(saved.getPosts()).extracting(PostEntity::getId).containsExactlyElementsOf(after);
        assertThat(saved.getVersion()).isEqualTo(1);
        assertThat(fixtures.versionOf(alice)).isEqualTo(1);
    }

    @Test
    void the_contract_s_save_of_the_same_draft_writes_the_diff_alone() {
        long alice = aliceWithFivePosts();
        UserDraft draft = fiveToSix(UserDraft.of(repository.findUserWithPosts(alice).orElseThrow()));
        statements.reset();

        repository.saveUserWithPosts(draft);

        List<StatementLog.Executed> sent = statements.executed();
        assertThat(sent).as("the contract's save:%n%s", statements).hasSize(5); // the load, then 4 writes
        assertThat(rows(sent, "delete from posts")).as("the removed post alone").isEqualTo(1);
        assertThat(rows(sent, "update posts")).as("the 2 edited posts alone").isEqualTo(2);
        assertThat(rows(sent, "insert into posts")).as("the 2 new posts alone").isEqualTo(2);
    }

    /**
     * The comparison report's row: the same draft as the contract's save above, through
     * {@link OwnWays.WholeAggregateSave} as the report reaches it (the contract's repository, {@code instanceof}).
     */
    @Test
    void the_report_s_row_the_draft_saved_by_the_library_s_own_save_rewrites_the_posts_and_keeps_their_ids() {
        long alice = aliceWithFivePosts();
        List<Long> before = fixtures.postIdsOf(alice);
        UserPostRepository contract = repository;
        assertThat(contract).isInstanceOf(OwnWays.WholeAggregateSave.class);
        UserDraft draft = fiveToSix(UserDraft.of(contract.findUserWithPosts(alice).orElseThrow()));
        statements.reset();

        OwnWays.SavedAggregate saved = ((OwnWays.WholeAggregateSave) contract).saveWholeAggregate(draft);

        List<StatementLog.Executed> sent = statements.executed();
        int newPostInserts = repository.budget().createUserWithPosts(2) - 1;
        assertThat(sent).as("the load, then the library's save:%n%s", statements).hasSize(1 + 3 + newPostInserts);
        assertThat(sql(sent.get(0))).as("the load: the contract's read of one user").startsWith("select")
                .contains("left join posts");
        assertThat(sql(sent.get(1))).startsWith("update users set").endsWith("and users.version = ?");
        assertThat(sql(sent.get(2))).isEqualTo("delete from posts where posts.user_id = ?");
        assertThat(rows(sent, "insert into posts (content, id, title, user_id)"))
                .as("the 4 kept posts inserted again with their ids, the 2 unchanged ones too").isEqualTo(4);
        assertThat(rows(sent, "insert into posts (content, title, user_id)")).as("the 2 new posts").isEqualTo(2);
        assertThat(rows(sent, "update posts")).isZero();

        List<Long> after = fixtures.postIdsOf(alice);
        assertThat(saved.postIdsBefore()).as("the ids as loaded").isEqualTo(before);
        assertThat(saved.saved().getPosts()).extracting(Post::getId).as("the ids the library set")
                .containsExactlyElementsOf(after);
        assertThat(after.subList(0, 4)).as("the kept posts keep their ids").isEqualTo(before.subList(0, 4));
        assertThat(after).hasSize(6).doesNotContain(before.get(4));
        assertThat(after.subList(4, 6)).as("the new posts' ids are new").allSatisfy(id ->
                assertThat(id).isGreaterThan(before.get(4)));
        assertThat(repository.findUserWithPosts(alice).orElseThrow().getPosts())
                .as("the posts as the contract's save leaves them").extracting(Post::getTitle, Post::getContent)
                .containsExactly(tuple("Post 1", "content 1"), tuple("Post 2, edited", null),
                        tuple("Post 3", "now with content"), tuple("Post 4", null), tuple("Post 6", "six"),
                        tuple("Post 7", null));
        assertThat(saved.saved().getVersion()).isEqualTo(1);
    }

    @Test
    void the_report_s_row_refuses_a_stale_draft_and_a_post_of_another_user_and_writes_nothing() {
        long alice = aliceWithFivePosts();
        long bob = fixtures.insertUser("Bob");
        long bobsPost = fixtures.insertPost(bob, "Bob's", null);
        OwnWays.WholeAggregateSave own = repository;
        UserDraft read = UserDraft.of(repository.findUserWithPosts(alice).orElseThrow());
        repository.renameUser(alice, "Alicia"); // version 1 now
        List<String> before = fixtures.snapshot();

        assertThatThrownBy(() -> own.saveWholeAggregate(fiveToSix(read)))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.CONFLICT));
        UserDraft current = UserDraft.of(repository.findUserWithPosts(alice).orElseThrow());
        assertThatThrownBy(() -> own.saveWholeAggregate(current.withPosts(List.of(
                new PostDraft(bobsPost, "mine now", null)))))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNKNOWN_POST));

        assertThat(fixtures.snapshot()).as("the tables after both refusals").isEqualTo(before);
    }

    /** The shared suite's draft on Alice's five posts: edit 2 (Post 2's title, Post 3's content), remove 1, add 2. */
    private static UserDraft fiveToSix(UserDraft read) {
        List<PostDraft> posts = read.posts();
        return read.withPosts(List.of(posts.get(0),
                new PostDraft(posts.get(1).id(), "Post 2, edited", null),
                new PostDraft(posts.get(2).id(), "Post 3", "now with content"),
                posts.get(3),
                PostDraft.added("Post 6", "six"),
                PostDraft.added("Post 7", null)));
    }

    @Test
    void the_library_s_save_of_a_stale_aggregate_is_a_conflict_and_writes_nothing() {
        long alice = aliceWithFivePosts();
        UserEntity stale = (UserEntity) repository.findUserWithPosts(alice).orElseThrow();
        repository.renameUser(alice, "Alicia"); // version 1 now
        List<String> before = fixtures.snapshot();
        stale.setName("Alice again");

        assertThatThrownBy(() -> repository.saveAggregate(stale))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.CONFLICT));

        assertThat(fixtures.snapshot()).as("the tables after the stale save").isEqualTo(before);
    }

    private static String sql(StatementLog.Executed executed) {
        return executed.sql().get(0).replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /** Rows sent by the statements that start with {@code prefix}: a batch's size, or 1. */
    private static int rows(List<StatementLog.Executed> sent, String prefix) {
        return sent.stream().filter(e -> sql(e).startsWith(prefix)).mapToInt(e -> Math.max(1, e.batchSize())).sum();
    }
}
