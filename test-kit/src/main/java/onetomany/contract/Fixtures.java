package onetomany.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Test data written and read with plain JDBC on the unproxied DataSource: it is never counted, and it does not
 * depend on the library under test being right.
 */
public final class Fixtures {

    private final DataSource dataSource;

    public Fixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long insertUser(String name) {
        return insert("insert into users (name) values (?)", name);
    }

    public long insertPost(long userId, String title, String content) {
        return insert("insert into posts (title, content, user_id) values (?, ?, ?)", title, content, userId);
    }

    /**
     * {@code users} users named {@code user-001}, ... with {@code postsPerUser} posts each, inserted round by round
     * (first post of every user, then the second, ...), so that one user's post ids are not next to each other:
     * a load that forgets to order or to group shows it.
     *
     * @return the user ids, ascending
     */
    public List<Long> usersWithPosts(int users, int postsPerUser) {
        List<Long> ids = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            ids.add(insertUser("user-%03d".formatted(u)));
        }
        for (int round = 1; round <= postsPerUser; round++) {
            for (int u = 0; u < users; u++) {
                insertPost(ids.get(u), "post %d of user-%03d".formatted(round, u + 1),
                        round % 2 == 0 ? null : "content %d of user-%03d".formatted(round, u + 1));
            }
        }
        return ids;
    }

    /**
     * As {@link #usersWithPosts(int, int)} (same names, titles and contents, the posts inserted round by round), but
     * in two set-based statements, {@code insert ... select} from a series the database generates, so that
     * hundreds of thousands of rows take seconds and cost the JVM nothing: H2's {@code system_range}, PostgreSQL's
     * {@code generate_series}, MariaDB's Sequence engine ({@code seq_1_to_N}, a table that exists for any N).
     * Users are named {@code user-000001} and so on (six digits, so that names sort as ids do).
     *
     * @return how many users there are now
     */
    public int manyUsersWithPosts(int users, int postsPerUser) {
        if (users == 0) {
            return count("users"); // and not seq_1_to_0, which MariaDB counts down: 1, 0
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            s.executeUpdate("insert into users (name) select concat('user-', right(concat('00000', u.x), 6)) from "
                    + series(product, users, "u") + " order by u.x");
            if (postsPerUser > 0) {
                s.executeUpdate("insert into posts (title, content, user_id) "
                        + "select concat('post ', r.x, ' of ', u.name), "
                        + "case when mod(r.x, 2) = 1 then concat('content ', r.x, ' of ', u.name) end, u.id "
                        + "from users u cross join " + series(product, postsPerUser, "r") + " order by r.x, u.id");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed " + users + " users", e);
        }
        return count("users");
    }

    /** A table of one column {@code x} holding 1 to n, named {@code alias}. */
    private static String series(String product, int n, String alias) {
        if (product.contains("postgres")) {
            return "generate_series(1, " + n + ") " + alias + "(x)";
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "(select seq as x from seq_1_to_" + n + ") " + alias;
        }
        return "(select x from system_range(1, " + n + ")) " + alias;
    }

    public int count(String table) {
        return queryForLong("select count(*) from " + table).intValue();
    }

    /** The sum of the table's ids: with {@link #count(String)}, a cheap check that a walk saw every row once. */
    public long sumOfIds(String table) {
        return queryForLong("select coalesce(sum(id), 0) from " + table);
    }

    /** {@code users.version} of the user. */
    public long versionOf(long userId) {
        return queryForLong("select version from users where id = ?", userId);
    }

    /** Another unit of work's change to the user, committed: his version one higher. */
    public void bumpVersion(long userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update users set version = version + 1 where id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int countPostsOf(long userId) {
        return queryForLong("select count(*) from posts where user_id = ?", userId).intValue();
    }

    /** Every user's id by name (names are unique where this is used). */
    public Map<String, Long> userIdsByName() {
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, id from users")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** How many posts each user with posts has. */
    public Map<Long, Integer> postCountsByUser() {
        Map<Long, Integer> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select user_id, count(*) from posts group by user_id")) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The id of some post, or none: a post id that does not exist. */
    public long unusedPostId() {
        return queryForLong("select coalesce(max(id), 0) + 1000 from posts");
    }

    public long unusedUserId() {
        return queryForLong("select coalesce(max(id), 0) + 1000 from users");
    }

    /**
     * Every user and post, in the format of {@link Graphs#describeUsers(List)}: what a complete, ordered load
     * of all users with their posts must show.
     */
    public List<String> describeUsersWithPosts() {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select u.id, u.name, p.id, p.title, p.content
                     from users u left join posts p on p.user_id = u.id
                     order by u.id, p.id""")) {
            Long currentUser = null;
            while (rs.next()) {
                long userId = rs.getLong(1);
                if (currentUser == null || currentUser != userId) {
                    currentUser = userId;
                    lines.add(Graphs.user(userId, rs.getString(2)));
                }
                long postId = rs.getLong(3);
                if (!rs.wasNull()) {
                    lines.add(Graphs.post(postId, rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    /** Every post ordered by id with its author, in the format of {@link Graphs#describePosts(List)}. */
    public List<String> describePostsWithAuthors() {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select p.id, p.title, p.content, u.id, u.name
                     from posts p join users u on u.id = p.user_id
                     order by p.id""")) {
            while (rs.next()) {
                lines.add(Graphs.post(rs.getLong(1), rs.getString(2), rs.getString(3))
                        + " by " + Graphs.user(rs.getLong(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    /** Every row of both tables, every column: equal before and after means nothing was written. */
    public List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id, name, version from users order by id")) {
                while (rs.next()) {
                    rows.add("users " + rs.getLong(1) + " " + rs.getString(2) + " v" + rs.getLong(3));
                }
            }
            try (ResultSet rs = s.executeQuery("select id, title, content, user_id from posts order by id")) {
                while (rs.next()) {
                    rows.add("posts " + rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3)
                            + " " + rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Posts whose user does not exist (the foreign key should make this 0 whatever happens). */
    public int orphanPosts() {
        return queryForLong("select count(*) from posts p where not exists "
                + "(select 1 from users u where u.id = p.user_id)").intValue();
    }

    /** A checksum of {@link #snapshot()}: every row of both tables, every column. */
    public String checksum() {
        return checksum(snapshot());
    }

    public static String checksum(List<String> snapshot) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String row : snapshot) {
                sha.update(row.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Long queryForLong(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
