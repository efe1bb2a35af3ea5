package onetomany.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import onetomany.fixtures.Fixtures;
import onetomany.fixtures.Graphs;
import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.PostSummary;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves, on tiny data and without timing anything, that every subject the benchmarks measure builds the same
 * object graph as the JDBC floor (so the floor is a fair floor), and that the writes do what they say. The JMH
 * classes themselves are {@code *Benchmark}, never run by {@code ./mvnw test}.
 */
class BenchmarksSmokeTest {

    private static Database database;

    @BeforeAll
    static void seed() {
        database = Database.h2();
        new Fixtures(database.unproxiedDataSource()).seedBlogUsers(4, 3);
        // A user without posts, which a left join must keep.
        new JdbcFloor(database.dataSource()).createUserWithPosts(new NewUser("Nobody's author"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void everyLibraryReadsTheGraphOfTheFloorWithTheContractsStatementCounts() {
        try (Subject floor = Subjects.open(Subjects.FLOOR, database.dataSource())) {
            for (String library : Subjects.keys()) {
                try (Subject subject = Subjects.open(library, database.dataSource())) {
                    for (LoadStrategy strategy : LoadStrategy.values()) {
                        database.statements().reset();
                        List<String> graph = users(subject.usersWithPosts(strategy));
                        int expected = strategy.statements(5);
                        assertThat(database.statements().count()).as(library + " " + strategy).isEqualTo(expected);
                        assertThat(graph).as(library + " " + strategy)
                                .isEqualTo(users(floor.usersWithPosts(strategy)));
                    }
                    assertThat(posts(subject.postsWithAuthors())).as(library)
                            .isEqualTo(posts(floor.postsWithAuthors()));
                }
            }
        }
    }

    @Test
    void everyLibraryReadsThePageAndThePostSummariesOfTheFloorInTwoStatementsAndOne() throws SQLException {
        long afterUserId = firstUserId() + 1; // from the second user: a page in the middle
        try (Subject floor = Subjects.open(Subjects.FLOOR, database.dataSource())) {
            List<String> page = users(floor.usersPage(afterUserId, 2));
            assertThat(page).hasSize(2 + 3 * 2); // two users, three posts each, as Graphs describes them
            List<PostSummary> summaries = floor.postSummaries();
            assertThat(summaries).hasSize(4 * 3).extracting(PostSummary::postId).isSorted();
            for (String library : Subjects.keys()) {
                try (Subject subject = Subjects.open(library, database.dataSource())) {
                    database.statements().reset();
                    assertThat(users(subject.usersPage(afterUserId, 2))).as(library).isEqualTo(page);
                    assertThat(database.statements().count()).as(library + " page").isEqualTo(2);
                    database.statements().reset();
                    assertThat(subject.postSummaries()).as(library).isEqualTo(summaries);
                    assertThat(database.statements().count()).as(library + " summaries").isEqualTo(1);
                }
            }
        }
    }

    private static long firstUserId() throws SQLException {
        try (Connection c = database.unproxiedDataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select min(id) from users")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyTunedReaderReadsTheGraphOfTheFloorInItsStatements() {
        try (Subject floor = Subjects.open(Subjects.FLOOR, database.dataSource())) {
            List<? extends User> floorUsers = floor.usersWithPosts(LoadStrategy.JOINED);
            List<String> expected = users(floorUsers);
            for (Tuned tuned : Tuned.values()) {
                try (Tuned.Reader reader = tuned.open(database.dataSource())) {
                    database.statements().reset();
                    assertThat(users(reader.usersWithPosts())).as(tuned.key).isEqualTo(expected);
                    assertThat(database.statements().count()).as(tuned.key)
                            .isEqualTo(statementsOnH2(tuned, floorUsers.size()));
                }
            }
        }
    }

    /**
     * What each form sends on H2 for {@code users} users: one statement, but Spring Data JDBC's own loading, the
     * roots then each user's posts, whose single query loading the H2 dialect does not support.
     */
    private static int statementsOnH2(Tuned tuned, int users) {
        return switch (tuned) {
            case SPRING_DATA_JDBC_REPOSITORY, SPRING_DATA_JDBC_SINGLE_QUERY -> 1 + users;
            default -> 1;
        };
    }

    @Test
    void theFloorWritesAUserWithPostsInTwoStatementsAndDeletesHimInThree() {
        try (Subject floor = Subjects.open(Subjects.FLOOR, database.dataSource())) {
            database.statements().reset();
            User created = floor.createUserWithPosts(new NewUser("New", new NewPost("a", "x"), new NewPost("b", null)));
            assertThat(database.statements().count()).isEqualTo(2);
            assertThat(created.getPosts()).extracting(Post::getTitle).containsExactly("a", "b");
            assertThat(created.getPosts().get(1).getId()).isGreaterThan(created.getPosts().get(0).getId());

            database.statements().reset();
            floor.deleteUser(created.getId());
            assertThat(database.statements().count()).isEqualTo(3);
            assertThat(floor.usersWithPosts(LoadStrategy.JOINED)).extracting(User::getId)
                    .doesNotContain(created.getId());
        }
    }

    @Test
    void everyLibrarySavesTheDraftAsTheFloorDoesInItsBudget() {
        // Each subject's budget for 2 added, 2 changed, 1 removed, the name unchanged (StatementBudget); the floor's
        // is the hand-written one.
        String expected = null;
        for (String library : Subjects.keys()) {
            try (Subject subject = Subjects.open(library, database.dataSource())) {
                UserDraft draft = Bench.seedUserToSave(database.unproxiedDataSource());
                database.statements().reset();
                User saved = subject.saveUserWithPosts(draft);
                assertThat(database.statements().count()).as(library)
                        .isEqualTo(subject.budget().saveUserWithPosts(2, 2, 1, false));
                assertThat(saved.getVersion()).as(library).isEqualTo(1);
                String graph = saved.getPosts().stream().map(p -> p.getTitle() + " / " + p.getContent()
                        + (p.getAuthor() == saved ? "" : " NOT ITS AUTHOR")).toList().toString();
                assertThat(saved.getPosts()).hasSize(11);
                if (expected == null) {
                    expected = graph;
                }
                assertThat(graph).as(library).isEqualTo(expected);
                User stored = subject.usersWithPosts(LoadStrategy.JOINED).stream()
                        .filter(u -> u.getId().equals(saved.getId())).findFirst().orElseThrow();
                assertThat(users(List.of(stored))).as(library).isEqualTo(users(List.of(saved)));
                subject.deleteUser(saved.getId()); // the other tests count the seeded users' statements
            }
        }
    }

    /** Users with their posts, as {@link Graphs#describeUsers(List)}, each post's author the very user holding it. */
    private static List<String> users(List<? extends User> users) {
        Graphs.assertBackReferences(users);
        return Graphs.describeUsers(users);
    }

    /** Posts with their authors, as {@link Graphs#describePosts(List)}, one author instance per user. */
    private static List<String> posts(List<? extends Post> posts) {
        Graphs.assertSharedAuthors(posts);
        return Graphs.describePosts(posts);
    }
}
