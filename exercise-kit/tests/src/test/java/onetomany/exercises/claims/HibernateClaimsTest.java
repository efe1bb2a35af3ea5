package onetomany.exercises.claims;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import onetomany.fixtures.Fixtures;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.exercises.CommentFixtures;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.BatchSize;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.loader.MultipleBagFetchException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the exercises' instructions say Hibernate does, shown on the exercises' tables with small entities of their
 * own (so that it holds whatever a participant wrote in {@code exercises/}). Not an exercise: the board ignores it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HibernateClaimsTest {

    private Database database;
    private StatementLog statements;
    private Fixtures fixtures;
    private CommentFixtures comments;

    @BeforeAll
    void open() {
        database = Database.open();
        statements = database.statements();
        fixtures = new Fixtures(database.unproxiedDataSource());
        comments = new CommentFixtures(database.unproxiedDataSource());
    }

    @AfterAll
    void close() {
        database.close();
    }

    @BeforeEach
    void empty() {
        comments.deleteAllComments();
        database.deleteAllRows();
    }

    private SessionFactory factory(Class<?>... entities) {
        return configuration(entities).createEntityManagerFactory().unwrap(SessionFactory.class);
    }

    private HibernatePersistenceConfiguration configuration(Class<?>... entities) {
        return new HibernatePersistenceConfiguration("claims")
                .managedClasses(entities)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
    }

    // Exercise 1 ---------------------------------------------------------------------------------------------------

    @Test
    void a_fetch_join_from_a_comment_to_its_posts_comments_returns_the_comment_once() throws SQLException {
        long user = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(user, "First Post", null);
        long first = comments.insertComment(post, "first");
        comments.insertComment(post, "second");
        comments.insertComment(post, "third");
        try (SessionFactory sessions = factory(BagUser.class, BagPost.class, BagComment.class)) {
            statements.reset();
            List<BagComment> found = sessions.fromTransaction(session -> session.createSelectionQuery(
                    "from BagComment c join fetch c.post p left join fetch p.comments where c.id = :id",
                    BagComment.class).setParameter("id", first).getResultList());
            assertThat(statements.count()).as("statements").isEqualTo(1);
            // The statement's rows repeat the comment once per comment of its post; the result holds it once.
            assertThat(rows(statements.executed().get(0).sql().get(0).replace("?", Long.toString(first))))
                    .as("rows of the join").isEqualTo(3);
            assertThat(found).as("the query's results").hasSize(1);
            assertThat(found.get(0).post.comments).hasSize(3).contains(found.get(0));
        }
    }

    // Exercise 2 ---------------------------------------------------------------------------------------------------

    @Test
    void a_batch_size_on_the_mapping_wins_over_the_sessions_fetch_batch_size() {
        long user = fixtures.insertUser("Alice");
        for (int p = 0; p < 1_200; p++) {
            fixtures.insertPost(user, "post " + p, null);
        }
        try (SessionFactory sessions = factory(CascadeUser.class, CascadePost.class, CascadeComment.class)) {
            statements.reset();
            sessions.inTransaction(session -> {
                session.setFetchBatchSize(1_000);
                session.createSelectionQuery("from CascadePost p order by p.id", CascadePost.class).getResultList()
                        .forEach(post -> Hibernate.initialize(post.comments));
            });
            // @BatchSize(size = 500) on CascadePost.comments: the comments of 1,200 posts in 3 selects (500, 500,
            // 200), not in 2 as the session's 1,000 would have them.
            assertThat(statements.count()).as("statements: the posts, then their comments").isEqualTo(1 + 3);
        }
    }

    // Exercise 3 ---------------------------------------------------------------------------------------------------

    @Test
    void a_chain_of_two_set_fetches_is_one_row_per_comment_not_a_cartesian_product() throws SQLException {
        for (int u = 0; u < 3; u++) {
            long user = fixtures.insertUser("user " + u);
            for (int p = 0; p < 2; p++) {
                long post = fixtures.insertPost(user, "post " + u + "." + p, null);
                for (int c = 0; c < 3; c++) {
                    comments.insertComment(post, "comment " + c);
                }
            }
        }
        try (SessionFactory sessions = factory(SetUser.class, SetPost.class, SetComment.class)) {
            statements.reset();
            List<SetUser> users = sessions.fromTransaction(session -> session.createSelectionQuery(
                    "from SetUser u left join fetch u.posts p left join fetch p.comments order by u.id",
                    SetUser.class).getResultList());
            assertThat(statements.count()).as("statements").isEqualTo(1);
            assertThat(users).hasSize(3).allSatisfy(user -> assertThat(user.posts).hasSize(2)
                    .allSatisfy(post -> assertThat(post.comments).hasSize(3)));
            // The rows of the statement Hibernate sent: one per comment (3 users x 2 posts x 3 comments), as in the
            // three-level join MyBatis and Jdbi fold. Two sibling collections (user.posts and user.followers)
            // would give posts x followers rows per user: that is the Cartesian product; a chain does not.
            assertThat(rows(statements.executed().get(0).sql().get(0))).as("rows of the join").isEqualTo(18);
        }
    }

    @Test
    void the_same_chain_with_two_lists_is_refused_as_multiple_bags() {
        try (SessionFactory sessions = factory(BagUser.class, BagPost.class, BagComment.class)) {
            assertThatThrownBy(() -> sessions.fromTransaction(session -> session.createSelectionQuery(
                    "from BagUser u left join fetch u.posts p left join fetch p.comments", BagUser.class)
                    .getResultList()))
                    .hasRootCauseInstanceOf(MultipleBagFetchException.class);
        }
    }

    // Exercise 4 ---------------------------------------------------------------------------------------------------

    @Test
    void a_batch_size_of_500_loads_the_comments_of_1_200_posts_in_3_selects_when_a_user_is_deleted() {
        long user = fixtures.insertUser("Alice");
        for (int p = 0; p < 1_200; p++) {
            comments.insertComment(fixtures.insertPost(user, "post " + p, null), "comment " + p);
        }
        try (SessionFactory sessions = factory(CascadeUser.class, CascadePost.class, CascadeComment.class)) {
            statements.reset();
            sessions.inTransaction(session -> session.remove(session.find(CascadeUser.class, user)));
            List<String> commentSelects = statements.executed().stream().map(e -> e.sql().get(0))
                    .filter(sql -> sql.startsWith("select") && sql.contains(" from comments ")).toList();
            assertThat(commentSelects).as("selects of comments, 500 posts' comments at most each").hasSize(3);
        }
        assertThat(fixtures.count("posts")).isZero();
    }

    // Exercise 6 ---------------------------------------------------------------------------------------------------

    @Test
    void set_max_results_on_a_fetch_join_limits_the_root_in_a_subquery_unless_the_same_query_ran_without_it() {
        for (int u = 1; u <= 7; u++) {
            long user = fixtures.insertUser("user " + u);
            fixtures.insertPost(user, "post " + u + ".1", null);
            fixtures.insertPost(user, "post " + u + ".2", null);
        }
        String hql = "from BagUser u left join fetch u.posts order by u.id";
        try (SessionFactory sessions = factory(BagUser.class, BagPost.class, BagComment.class)) {
            statements.reset();
            List<BagUser> page = sessions.fromTransaction(session -> session.createSelectionQuery(hql, BagUser.class)
                    .setFirstResult(3).setMaxResults(3).getResultList());
            assertThat(page).as("page 1 of size 3, the query's first run").extracting(user -> user.name)
                    .containsExactly("user 4", "user 5", "user 6");
            assertThat(page).allSatisfy(user -> assertThat(user.posts).hasSize(2));
            // Hibernate 7.4 limits the users in a derived table and joins the posts to it, as SQLAlchemy does.
            assertThat(statements.executed().get(0).sql().get(0)).as("its SQL: the users limited in a subquery")
                    .containsPattern("(?i)from \\(select .*(limit|fetch first|rows only).*\\)");
        }
        try (SessionFactory sessions = factory(BagUser.class, BagPost.class, BagComment.class)) {
            sessions.inTransaction(session -> session.createSelectionQuery(hql, BagUser.class).getResultList());
            statements.reset();
            List<BagUser> page = sessions.fromTransaction(session -> session.createSelectionQuery(hql, BagUser.class)
                    .setFirstResult(3).setMaxResults(3).getResultList());
            // Observed with Hibernate 7.4.15: once the same text ran without a limit, its plan is reused and the
            // limit is not applied at all, neither in SQL nor in memory.
            assertThat(page).as("page 1 of size 3, after the same query ran without a limit").hasSize(7);
            assertThat(statements.executed().get(0).sql().get(0)).as("its SQL")
                    .doesNotContainIgnoringCase("limit").doesNotContainIgnoringCase("fetch first")
                    .doesNotContainIgnoringCase("rows only");
        }
    }

    @Test
    void failing_on_pagination_over_a_collection_fetch_does_not_refuse_a_page_limited_in_a_subquery() {
        for (int u = 1; u <= 7; u++) {
            fixtures.insertPost(fixtures.insertUser("user " + u), "post " + u, null);
        }
        String hql = "from BagUser u left join fetch u.posts order by u.id";
        try (SessionFactory sessions = configuration(BagUser.class, BagPost.class, BagComment.class)
                .property(AvailableSettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true)
                .createEntityManagerFactory().unwrap(SessionFactory.class)) {
            // The setting refuses paging in memory only; Hibernate 7.4 pages this one in SQL, so nothing is refused.
            List<BagUser> page = sessions.fromTransaction(session -> session.createSelectionQuery(hql, BagUser.class)
                    .setFirstResult(3).setMaxResults(3).getResultList());
            assertThat(page).extracting(user -> user.name).containsExactly("user 4", "user 5", "user 6");
        }
    }

    // Exercise 9 ---------------------------------------------------------------------------------------------------

    @Test
    void a_stateless_session_sends_identity_inserts_one_by_one_even_with_a_batch_size() {
        try (SessionFactory sessions = factory(IdentityUser.class)) {
            statements.reset();
            sessions.inStatelessTransaction(session -> {
                session.setJdbcBatchSize(50);
                for (int i = 0; i < 20; i++) {
                    session.insert(new IdentityUser("user " + i));
                }
            });
            List<StatementLog.Executed> inserts = statements.executed().stream()
                    .filter(e -> e.sql().get(0).startsWith("insert")).toList();
            assertThat(inserts).as("inserts of 20 users with IDENTITY ids, a JDBC batch size of 50")
                    .hasSize(20).allSatisfy(insert -> assertThat(insert.batchSize()).isZero());
        }
    }

    @Test
    void a_stateless_session_batches_inserts_whose_ids_come_from_a_sequence() {
        long user = fixtures.insertUser("Alice");
        try (SessionFactory sessions = factory(SequencePost.class)) {
            statements.reset();
            sessions.inStatelessTransaction(session -> {
                // A StatelessSession does not take hibernate.jdbc.batch_size: it batches when asked.
                session.setJdbcBatchSize(50);
                for (int i = 0; i < 20; i++) {
                    session.insert(new SequencePost("post " + i, user));
                }
            });
            List<StatementLog.Executed> inserts = statements.executed().stream()
                    .filter(e -> e.sql().get(0).startsWith("insert")).toList();
            assertThat(inserts).as("inserts of 20 posts with sequence ids, a JDBC batch size of 50")
                    .hasSize(1).allSatisfy(insert -> assertThat(insert.batchSize()).isEqualTo(20));
        }
    }

    private int rows(String sql) throws SQLException {
        try (Connection connection = database.unproxiedDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        }
    }

    // The entities: the exercises' tables, mapped with Sets, with Lists, and with the two kinds of ids. ------------

    // Exercise 10 --------------------------------------------------------------------------------------------------

    /** A post with 2 comments; the post's id. */
    private long postWithTwoComments() {
        long post = fixtures.insertPost(fixtures.insertUser("Alice"), "First Post", null);
        comments.insertComment(post, "one");
        comments.insertComment(post, "two");
        return post;
    }

    private List<String> writes() {
        return statements.executed().stream().map(e -> e.sql().get(0))
                .filter(sql -> !sql.startsWith("select")).toList();
    }

    @Test
    void adding_and_removing_comments_in_the_inverse_list_do_not_bump_the_posts_version() {
        long post = postWithTwoComments();
        try (SessionFactory sessions = factory(VersionedPost.class, VersionedComment.class)) {
            statements.reset();
            sessions.inTransaction(session -> {
                VersionedPost loaded = session.find(VersionedPost.class, post);
                loaded.comments.remove(0).post = null;
                VersionedComment added = new VersionedComment();
                added.body = "new";
                added.post = loaded;
                loaded.comments.add(added);
            });
            assertThat(writes()).as("the writes of adding and removing a comment of a versioned post.comments")
                    .hasSize(2).noneSatisfy(sql -> assertThat(sql).startsWith("update posts"));
        }
        assertThat(comments.strings("select body from comments where post_id = ? order by id", post))
                .containsExactly("two", "new");
        assertThat(comments.longs("select version from posts where id = ?", post)).containsExactly(0L);
    }

    @Test
    void editing_a_comment_does_not_bump_its_posts_version() {
        long post = postWithTwoComments();
        try (SessionFactory sessions = factory(VersionedPost.class, VersionedComment.class)) {
            statements.reset();
            sessions.inTransaction(session -> session.find(VersionedPost.class, post).comments.get(0).body = "edited");
            assertThat(writes()).as("the writes of editing a comment of a versioned post")
                    .singleElement().satisfies(sql -> assertThat(sql).startsWith("update comments"));
        }
        assertThat(comments.longs("select version from posts where id = ?", post)).containsExactly(0L);
    }

    @Test
    void optimistic_force_increment_bumps_the_version_after_the_flush_and_pessimistic_before_it() {
        long post = postWithTwoComments();
        try (SessionFactory sessions = factory(VersionedPost.class, VersionedComment.class)) {
            assertThat(forcedIncrementWrites(sessions, post, LockModeType.OPTIMISTIC_FORCE_INCREMENT))
                    .as("OPTIMISTIC_FORCE_INCREMENT: the writes, in order").hasSize(2)
                    .satisfies(w -> assertThat(w.get(0)).startsWith("update comments"),
                            w -> assertThat(w.get(1)).startsWith("update posts set version="));
            assertThat(forcedIncrementWrites(sessions, post, LockModeType.PESSIMISTIC_FORCE_INCREMENT))
                    .as("PESSIMISTIC_FORCE_INCREMENT: the writes, in order").hasSize(2)
                    .satisfies(w -> assertThat(w.get(0)).startsWith("update posts set version="),
                            w -> assertThat(w.get(1)).startsWith("update comments"));
        }
        assertThat(comments.longs("select version from posts where id = ?", post)).containsExactly(2L);
    }

    /** The writes of one unit of work that locks the post with {@code mode} and edits its first comment. */
    private List<String> forcedIncrementWrites(SessionFactory sessions, long post, LockModeType mode) {
        statements.reset();
        sessions.inTransaction(session -> {
            VersionedPost loaded = session.find(VersionedPost.class, post);
            session.lock(loaded, mode);
            loaded.comments.get(0).body = "edited with " + mode;
        });
        return writes();
    }

    @Entity(name = "SetUser")
    @Table(name = "users")
    static class SetUser {
        @Id
        Long id;
        String name;
        @OneToMany(mappedBy = "author")
        Set<SetPost> posts = new LinkedHashSet<>();
    }

    @Entity(name = "SetPost")
    @Table(name = "posts")
    static class SetPost {
        @Id
        Long id;
        String title;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "user_id")
        SetUser author;
        @OneToMany(mappedBy = "post")
        Set<SetComment> comments = new LinkedHashSet<>();
    }

    @Entity(name = "SetComment")
    @Table(name = "comments")
    static class SetComment {
        @Id
        Long id;
        String body;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "post_id")
        SetPost post;
    }

    @Entity(name = "BagUser")
    @Table(name = "users")
    static class BagUser {
        @Id
        Long id;
        String name;
        @OneToMany(mappedBy = "author")
        List<BagPost> posts = new ArrayList<>();
    }

    @Entity(name = "BagPost")
    @Table(name = "posts")
    static class BagPost {
        @Id
        Long id;
        String title;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "user_id")
        BagUser author;
        @OneToMany(mappedBy = "post")
        List<BagComment> comments = new ArrayList<>();
    }

    @Entity(name = "BagComment")
    @Table(name = "comments")
    static class BagComment {
        @Id
        Long id;
        String body;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "post_id")
        BagPost post;
    }

    @Entity(name = "CascadeUser")
    @Table(name = "users")
    static class CascadeUser {
        @Id
        Long id;
        String name;
        @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
        List<CascadePost> posts = new ArrayList<>();
    }

    @Entity(name = "CascadePost")
    @Table(name = "posts")
    static class CascadePost {
        @Id
        Long id;
        String title;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "user_id")
        CascadeUser author;
        @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true)
        @BatchSize(size = 500)
        List<CascadeComment> comments = new ArrayList<>();
    }

    @Entity(name = "CascadeComment")
    @Table(name = "comments")
    static class CascadeComment {
        @Id
        Long id;
        String body;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "post_id")
        CascadePost post;
    }

    @Entity(name = "IdentityUser")
    @Table(name = "users")
    static class IdentityUser {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;

        IdentityUser() {
        }

        IdentityUser(String name) {
            this.name = name;
        }
    }

    @Entity(name = "SequencePost")
    @Table(name = "posts")
    static class SequencePost {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_ids")
        @SequenceGenerator(name = "post_ids", sequenceName = "post_ids", allocationSize = 1000)
        Long id;
        String title;
        @Column(name = "user_id")
        Long userId;

        SequencePost() {
        }

        SequencePost(String title, long userId) {
            this.title = title;
            this.userId = userId;
        }
    }

    @Entity(name = "VersionedPost")
    @Table(name = "posts")
    static class VersionedPost {
        @Id
        Long id;
        String title;
        @Version
        long version;
        @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true)
        @OrderBy("id")
        List<VersionedComment> comments = new ArrayList<>();
    }

    @Entity(name = "VersionedComment")
    @Table(name = "comments")
    static class VersionedComment {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String body;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "post_id")
        VersionedPost post;
    }
}
