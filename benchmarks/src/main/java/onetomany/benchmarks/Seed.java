package onetomany.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The benchmarks' data, written with plain JDBC batches on the unproxied pool (neither counted nor timed). */
final class Seed {

    private static final int BATCH = 1_000;

    private Seed() {
    }

    /** Empties both tables, then writes {@code users} users with {@code postsPerUser} posts each. */
    static void users(DataSource unproxied, int users, int postsPerUser) {
        if (postsPerUser < 1) {
            throw new IllegalArgumentException("at least one post per user");
        }
        try (Connection c = unproxied.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement posts = c.prepareStatement("delete from posts");
                 PreparedStatement all = c.prepareStatement("delete from users")) {
                posts.executeUpdate();
                all.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into users (name) values (?)")) {
                for (int u = 1; u <= users; u++) {
                    ps.setString(1, "User " + u);
                    ps.addBatch();
                    if (u % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            // Every user's posts in one insert ... select: a JDBC batch of 100,000 rows takes seconds on H2. A join
            // with the numbers 1..k written out, and concat(), which H2, PostgreSQL and MariaDB all have.
            StringBuilder numbers = new StringBuilder();
            for (int p = 1; p <= postsPerUser; p++) {
                numbers.append(p == 1 ? "select 1 as n" : " union all select " + p);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into posts (title, content, user_id) "
                    + "select concat('Post ', k.n, ' of user ', u.id), "
                    + "concat('The content of post ', k.n, ', a line of text as a short blog post has.'), u.id "
                    + "from users u cross join (" + numbers + ") k order by u.id, k.n")) {
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed " + users + " users", e);
        }
    }

    /** One more user with {@code posts} posts, for a delete to remove; returns his id. */
    static long oneUser(DataSource unproxied, int posts) {
        try (Connection c = unproxied.getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into users (name) values (?)",
                    new String[] {"id"})) {
                ps.setString(1, "To delete");
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into posts (title, content, user_id) values (?, ?, ?)")) {
                for (int p = 1; p <= posts; p++) {
                    ps.setString(1, "Post " + p);
                    ps.setString(2, "Content " + p);
                    ps.setLong(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed a user to delete", e);
        }
    }

    /** The ids of a user's posts, ascending. */
    static List<Long> postIdsOf(DataSource unproxied, long userId) {
        try (Connection c = unproxied.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from posts where user_id = ? order by id")) {
            ps.setLong(1, userId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the posts of user " + userId, e);
        }
    }
}
