package onetomany.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The comments' side of the fixtures, by plain JDBC on the unproxied DataSource (users and posts are
 * {@code onetomany.fixtures.Fixtures}): never counted, and independent of the library under test. The
 * {@code describe...} methods give what a complete, ordered load must show, in the format of {@link Trees}.
 */
public final class CommentFixtures {

    private final DataSource dataSource;

    public CommentFixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long insertComment(long postId, String body) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into comments (body, post_id) values (?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, body);
            ps.setLong(2, postId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code perPost} comments on every post, inserted round by round (first comment of every post, then the
     * second...), so that one post's comment ids are not next to each other; {@code perPost(i)} of the i-th post
     * in id order, to have posts without comments too.
     */
    public void commentOnEveryPost(java.util.function.IntUnaryOperator perPost) {
        List<Long> posts = longs("select id from posts order by id");
        int max = 0;
        for (int i = 0; i < posts.size(); i++) {
            max = Math.max(max, perPost.applyAsInt(i));
        }
        for (int round = 1; round <= max; round++) {
            for (int i = 0; i < posts.size(); i++) {
                if (round <= perPost.applyAsInt(i)) {
                    insertComment(posts.get(i), "comment " + round + " on post " + posts.get(i));
                }
            }
        }
    }

    /** Children first: comments, then what {@code Database.deleteAllRows()} deletes. */
    public void deleteAllComments() {
        update("delete from comments");
    }

    public int count(String sql, Object... parameters) {
        return (int) longs(sql, parameters).get(0).longValue();
    }

    public List<Long> longs(String sql, Object... parameters) {
        List<Long> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return values;
    }

    public List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return values;
    }

    public void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every post ordered by id, each followed by its comments ordered by id. */
    public List<String> describePostsWithComments() {
        return describe("""
                select p.id, p.title, c.id, c.body, 0, ''
                from posts p left join comments c on c.post_id = p.id
                order by p.id, c.id""", false);
    }

    /** Every user, his posts, their comments, all ordered by id. */
    public List<String> describeUsersPostsComments() {
        return describe("""
                select u.id, u.name, p.id, p.title, c.id, c.body
                from users u left join posts p on p.user_id = u.id left join comments c on c.post_id = p.id
                order by u.id, p.id, c.id""", true);
    }

    /** Every user and his posts, ordered by id. */
    public List<String> describeUsersWithPosts() {
        return describe("""
                select u.id, u.name, p.id, p.title, 0, ''
                from users u left join posts p on p.user_id = u.id
                order by u.id, p.id""", true);
    }

    private List<String> describe(String sql, boolean threeLevels) {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            Long first = null;
            Long second = null;
            while (rs.next()) {
                long a = rs.getLong(1);
                if (first == null || first != a) {
                    first = a;
                    second = null;
                    lines.add(threeLevels ? Trees.user(a, rs.getString(2)) : Trees.post(a, rs.getString(2), 0));
                }
                long b = rs.getLong(3);
                if (rs.wasNull()) {
                    continue;
                }
                if (threeLevels) {
                    if (second == null || second != b) {
                        second = b;
                        lines.add(Trees.post(b, rs.getString(4), 1));
                    }
                    long comment = rs.getLong(5);
                    if (!rs.wasNull() && comment != 0) {
                        lines.add(Trees.comment(comment, rs.getString(6), 2));
                    }
                } else {
                    lines.add(Trees.comment(b, rs.getString(4), 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
