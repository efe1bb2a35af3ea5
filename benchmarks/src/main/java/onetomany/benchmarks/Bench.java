package onetomany.benchmarks;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import onetomany.fixtures.Fixtures;
import onetomany.contract.UserDraft;
import onetomany.db.Database;

/**
 * One benchmark's world: a database of its own ({@link Database#open()}, so {@code -Ddb=postgres} works), seeded
 * with {@code users} users of {@code postsPerUser} posts, and one library on its counting DataSource, the same
 * DataSource every library and the floor get.
 */
final class Bench implements AutoCloseable {

    static final int POSTS_PER_USER = 10;

    final Database database;

    private Bench(Database database) {
        this.database = database;
    }

    static Bench seeded(int users) {
        Database database = Database.open();
        new Fixtures(database.unproxiedDataSource()).seedBlogUsers(users, POSTS_PER_USER);
        return new Bench(database);
    }

    /** The statement log keeps every statement: emptied between iterations, so that it does not grow. */
    void forgetStatements() {
        database.statements().reset();
    }

    long seedUserToDelete() {
        return new Fixtures(database.unproxiedDataSource()).seedUserToDelete(POSTS_PER_USER);
    }

    /**
     * A new user with 10 posts, written by plain JDBC, and the draft of his save: posts 1 and 2 edited, post 3
     * removed, the other 7 unchanged, 2 new ones; his name and version (0) as written.
     */
    UserDraft seedUserToSave() {
        return seedUserToSave(database.unproxiedDataSource());
    }

    static UserDraft seedUserToSave(DataSource unproxied) {
        Fixtures fixtures = new Fixtures(unproxied);
        long userId = fixtures.seedUserToDelete(POSTS_PER_USER);
        List<Long> posts = fixtures.postIdsOf(userId);
        List<UserDraft.PostDraft> drafted = new ArrayList<>();
        drafted.add(new UserDraft.PostDraft(posts.get(0), "Post 1, edited", "Content 1, edited"));
        drafted.add(new UserDraft.PostDraft(posts.get(1), "Post 2, edited", null));
        for (int p = 3; p < posts.size(); p++) {
            drafted.add(new UserDraft.PostDraft(posts.get(p), "Post " + (p + 1), "Content " + (p + 1)));
        }
        drafted.add(UserDraft.PostDraft.added("New post 1", "New content"));
        drafted.add(UserDraft.PostDraft.added("New post 2", null));
        return new UserDraft(userId, 0, "To delete", drafted);
    }

    @Override
    public void close() {
        database.close();
    }
}
