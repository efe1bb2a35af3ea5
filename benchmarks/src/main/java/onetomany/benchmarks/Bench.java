package onetomany.benchmarks;

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
        Seed.users(database.unproxiedDataSource(), users, POSTS_PER_USER);
        return new Bench(database);
    }

    /** The statement log keeps every statement: emptied between iterations, so that it does not grow. */
    void forgetStatements() {
        database.statements().reset();
    }

    long seedUserToDelete() {
        return Seed.oneUser(database.unproxiedDataSource(), POSTS_PER_USER);
    }

    @Override
    public void close() {
        database.close();
    }
}
