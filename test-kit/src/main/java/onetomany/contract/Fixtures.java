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
 * Test data, and the benchmarks' and the comparison's, written and read with plain JDBC on the unproxied
 * DataSource: it is never counted, and it does not depend on the library under test being right.
 */
public final class Fixtures {

    private static final int BATCH = 1_000;

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

    /** What {@link #seed(int, int)} wrote: each user's id and name with his posts' ids, all in id order. */
    public record Seeded(List<SeededUser> users) {

        public SeededUser first() {
            return users.get(0);
        }

        public int postsPerUser() {
            return users.isEmpty() ? 0 : users.get(0).postIds().size();
        }
    }

    public record SeededUser(long id, String name, List<Long> postIds) {
    }

    /**
     * Empties both tables, then inserts {@code users} users named {@code user-001}, ..., each with
     * {@code postsPerUser} posts ({@code post 1 of user-001} / {@code content 1 of user-001}, ...), user by user,
     * one statement a row, in one transaction.
     */
    public Seeded seed(int users, int postsPerUser) {
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
     * Empties both tables, then writes {@code users} users named {@code User 1}, ... with {@code postsPerUser}
     * posts each, a line of text as a short blog post has for content, in one transaction: the users in JDBC
     * batches, every post in one {@code insert ... select}.
     */
    public void seedBlogUsers(int users, int postsPerUser) {
        if (postsPerUser < 1) {
            throw new IllegalArgumentException("at least one post per user");
        }
        try (Connection c = dataSource.getConnection()) {
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

    /**
     * One more user, {@code To delete}, with {@code posts} posts ({@code Post 1} / {@code Content 1}, ..., one
     * JDBC batch), in one transaction; returns his id.
     */
    public long seedUserToDelete(int posts) {
        try (Connection c = dataSource.getConnection()) {
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
    public List<Long> postIdsOf(long userId) {
        try (Connection c = dataSource.getConnection();
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

    private static long insertAndReturnId(PreparedStatement insert) throws SQLException {
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
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
