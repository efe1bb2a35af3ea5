package onetomany.comparison;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Fills the tables before each measured call, with plain JDBC on the unproxied DataSource: seeding is not
 * counted, not timed, and does not depend on the library under test.
 */
final class Seeder {

    /** What was seeded: each user's id with its posts' ids, users and posts in id order. */
    record Seeded(List<SeededUser> users) {

        SeededUser first() {
            return users.get(0);
        }

        int postsPerUser() {
            return users.isEmpty() ? 0 : users.get(0).postIds().size();
        }
    }

    record SeededUser(long id, String name, List<Long> postIds) {
    }

    private final DataSource dataSource;

    Seeder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Empties both tables, then inserts {@code users} users named {@code user-001}, ..., each with
     * {@code postsPerUser} posts, in one transaction.
     */
    Seeded seed(int users, int postsPerUser) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement delete = connection.createStatement();
                 PreparedStatement insertUser = connection.prepareStatement(
                         "insert into users (name) values (?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement insertPost = connection.prepareStatement(
                         "insert into posts (title, content, user_id) values (?, ?, ?)",
                         Statement.RETURN_GENERATED_KEYS)) {
                delete.executeUpdate("delete from posts");
                delete.executeUpdate("delete from users");
                List<SeededUser> seeded = new ArrayList<>();
                for (int u = 1; u <= users; u++) {
                    String name = "user-%03d".formatted(u);
                    insertUser.setString(1, name);
                    long userId = insertAndReturnId(insertUser);
                    List<Long> postIds = new ArrayList<>();
                    for (int p = 1; p <= postsPerUser; p++) {
                        insertPost.setString(1, "post %d of user-%03d".formatted(p, u));
                        insertPost.setString(2, "content %d of user-%03d".formatted(p, u));
                        insertPost.setLong(3, userId);
                        postIds.add(insertAndReturnId(insertPost));
                    }
                    seeded.add(new SeededUser(userId, name, List.copyOf(postIds)));
                }
                connection.commit();
                return new Seeded(List.copyOf(seeded));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed " + users + " users", e);
        }
    }

    /**
     * Every row of both tables, every column, as text: the rows an operation wrote are the difference between
     * the snapshots before and after it.
     */
    List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id, name, version from users order by id")) {
                while (rs.next()) {
                    rows.add("users|" + rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getLong(3));
                }
            }
            try (ResultSet rs = s.executeQuery("select id, title, content, user_id from posts order by id")) {
                while (rs.next()) {
                    rows.add("posts|" + rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3)
                            + "|" + rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tables", e);
        }
        return rows;
    }

    private static long insertAndReturnId(PreparedStatement insert) throws SQLException {
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
