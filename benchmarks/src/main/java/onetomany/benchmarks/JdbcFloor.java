package onetomany.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.PostSummary;
import onetomany.contract.RepositoryException;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserDraft.PostDraft;
import onetomany.unitofwork.DraftDiff;

/**
 * The floor: the best one could hand-write with plain JDBC, the same object graph as the libraries, on the same
 * DataSource. Reads index their columns and fold the rows of one {@code left join} as they come (ordered by user
 * id, so no map is needed); a page is its two statements by hand; the projection reads one join into records;
 * writes send the posts as one {@code PreparedStatement} batch. The same statements
 * per read as every library (the contract), and the same lock before a delete.
 */
public final class JdbcFloor implements Subject {

    private static final String JOINED = """
            select u.id, u.name, p.id, p.title, p.content
            from users u left join posts p on p.user_id = u.id
            order by u.id, p.id""";
    private static final String USERS = "select id, name from users order by id";
    private static final String POSTS_OF_ALL_USERS =
            "select id, title, content, user_id from posts where user_id in (select id from users) order by id";
    private static final String POSTS_OF_USER = "select id, title, content from posts where user_id = ? order by id";
    private static final String POSTS_WITH_AUTHORS = """
            select p.id, p.title, p.content, u.id, u.name
            from posts p join users u on u.id = p.user_id
            order by p.id""";
    private static final String USERS_AFTER = "select id, name from users where id > ? order by id limit ?";
    private static final String POST_SUMMARIES = """
            select p.id, p.title, u.id, u.name
            from posts p join users u on u.id = p.user_id
            order by p.id""";

    private final DataSource dataSource;

    public JdbcFloor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<R> {
        R apply(Connection connection) throws SQLException;
    }

    /** One transaction, as the contract's every method. */
    private <R> R inTransaction(Work<R> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                R result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<? extends User> usersWithPosts(LoadStrategy strategy) {
        return inTransaction(connection -> switch (strategy) {
            case JOINED -> joined(connection);
            case SELECT_IN -> selectIn(connection);
            case SUBQUERY -> subquery(connection);
            case NAIVE -> naive(connection);
        });
    }

    private static List<PlainUser> joined(Connection connection) throws SQLException {
        List<PlainUser> users = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(JOINED); ResultSet rs = ps.executeQuery()) {
            PlainUser user = null;
            while (rs.next()) {
                long userId = rs.getLong(1);
                if (user == null || user.getId() != userId) {
                    user = new PlainUser(userId, rs.getString(2));
                    users.add(user);
                }
                long postId = rs.getLong(3);
                if (!rs.wasNull()) {
                    user.addPost(new PlainPost(postId, rs.getString(4), rs.getString(5)));
                }
            }
        }
        return users;
    }

    /** The users, then their posts by chunks of at most 500 ids: one statement per chunk, as the contract says. */
    private static List<PlainUser> selectIn(Connection connection) throws SQLException {
        List<PlainUser> users = allUsers(connection);
        Map<Long, PlainUser> byId = new HashMap<>(users.size() * 2);
        users.forEach(user -> byId.put(user.getId(), user));
        for (int from = 0; from < users.size(); from += LoadStrategy.IDS_PER_STATEMENT) {
            List<PlainUser> chunk = users.subList(from, Math.min(from + LoadStrategy.IDS_PER_STATEMENT, users.size()));
            addPostsOfUsers(connection, chunk, byId);
        }
        return users;
    }

    /** One {@code user_id in (?, ...)} of the given users' ids, each post added to its user. */
    private static void addPostsOfUsers(Connection connection, List<PlainUser> users, Map<Long, PlainUser> byId)
            throws SQLException {
        String sql = "select id, title, content, user_id from posts where user_id in ("
                + String.join(", ", Collections.nCopies(users.size(), "?")) + ") order by id";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < users.size(); i++) {
                ps.setLong(i + 1, users.get(i).getId());
            }
            addPosts(ps, byId);
        }
    }

    /** The users, then all their posts with the users' query as a subquery: two statements. */
    private static List<PlainUser> subquery(Connection connection) throws SQLException {
        List<PlainUser> users = allUsers(connection);
        if (users.isEmpty()) {
            return users;
        }
        Map<Long, PlainUser> byId = new HashMap<>(users.size() * 2);
        users.forEach(user -> byId.put(user.getId(), user));
        try (PreparedStatement ps = connection.prepareStatement(POSTS_OF_ALL_USERS)) {
            addPosts(ps, byId);
        }
        return users;
    }

    private static void addPosts(PreparedStatement ps, Map<Long, PlainUser> byId) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byId.get(rs.getLong(4)).addPost(new PlainPost(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
    }

    private static List<PlainUser> naive(Connection connection) throws SQLException {
        List<PlainUser> users = allUsers(connection);
        try (PreparedStatement ps = connection.prepareStatement(POSTS_OF_USER)) {
            for (PlainUser user : users) {
                ps.setLong(1, user.getId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        user.addPost(new PlainPost(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        return users;
    }

    private static List<PlainUser> allUsers(Connection connection) throws SQLException {
        List<PlainUser> users = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(USERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(new PlainUser(rs.getLong(1), rs.getString(2)));
            }
        }
        return users;
    }

    @Override
    public List<? extends Post> postsWithAuthors() {
        return inTransaction(connection -> {
            List<PlainPost> posts = new ArrayList<>();
            Map<Long, PlainUser> authors = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(POSTS_WITH_AUTHORS);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long authorId = rs.getLong(4);
                    PlainUser author = authors.get(authorId);
                    if (author == null) {
                        author = new PlainUser(authorId, rs.getString(5));
                        authors.put(authorId, author);
                    }
                    PlainPost post = new PlainPost(rs.getLong(1), rs.getString(2), rs.getString(3));
                    author.addPost(post);
                    posts.add(post);
                }
            }
            return posts;
        });
    }

    /** The page's two statements: the users with a limit, then the posts of those users. */
    @Override
    public List<? extends User> usersPage(long afterUserId, int limit) {
        return inTransaction(connection -> {
            List<PlainUser> users = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(USERS_AFTER)) {
                ps.setLong(1, afterUserId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.add(new PlainUser(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            if (!users.isEmpty()) {
                Map<Long, PlainUser> byId = new HashMap<>(users.size() * 2);
                users.forEach(user -> byId.put(user.getId(), user));
                addPostsOfUsers(connection, users, byId);
            }
            return users;
        });
    }

    /** The projection: one join, four columns by index, one record per row. */
    @Override
    public List<PostSummary> postSummaries() {
        return inTransaction(connection -> {
            List<PostSummary> summaries = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(POST_SUMMARIES);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    summaries.add(new PostSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return summaries;
        });
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        // Two statements: the user's insert (its id is needed), then every post in one JDBC batch.
        return inTransaction(connection -> {
            PlainUser user;
            try (PreparedStatement ps = connection.prepareStatement("insert into users (name) values (?)",
                    new String[] {"id"})) {
                ps.setString(1, newUser.name());
                ps.executeUpdate();
                user = new PlainUser(generatedId(ps), newUser.name());
            }
            if (newUser.posts().isEmpty()) {
                return user;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into posts (title, content, user_id) values (?, ?, ?)", new String[] {"id"})) {
                for (NewPost post : newUser.posts()) {
                    ps.setString(1, post.title());
                    ps.setString(2, post.content());
                    ps.setLong(3, user.getId());
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (NewPost post : newUser.posts()) {
                        keys.next();
                        user.addPost(new PlainPost(keys.getLong(1), post.title(), post.content()));
                    }
                }
            }
            return user;
        });
    }

    private static long generatedId(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    @Override
    public void deleteUser(long userId) {
        // The contract's three statements: lock the user, delete his posts, delete him.
        inTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select id from users where id = ? for update")) {
                lock.setLong(1, userId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw RepositoryException.unknownUser(userId);
                    }
                }
            }
            try (PreparedStatement posts = connection.prepareStatement("delete from posts where user_id = ?");
                 PreparedStatement user = connection.prepareStatement("delete from users where id = ?")) {
                posts.setLong(1, userId);
                posts.executeUpdate();
                user.setLong(1, userId);
                user.executeUpdate();
            }
            return null;
        });
    }

    private static final String USER_WITH_POSTS = """
            select u.id, u.name, u.version, p.id, p.title, p.content
            from users u left join posts p on p.user_id = u.id
            where u.id = ?
            order by p.id""";

    @Override
    public User saveUserWithPosts(UserDraft draft) {
        // The libraries' own shape, at its cheapest: the user with his posts, the diff, the user's versioned update,
        // then one batch per kind of change (the inserts' ids read back from theirs).
        return inTransaction(connection -> {
            PlainUser stored = null;
            try (PreparedStatement ps = connection.prepareStatement(USER_WITH_POSTS)) {
                ps.setLong(1, draft.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (stored == null) {
                            stored = new PlainUser(rs.getLong(1), rs.getString(2), rs.getLong(3));
                        }
                        long postId = rs.getLong(4);
                        if (!rs.wasNull()) {
                            stored.addPost(new PlainPost(postId, rs.getString(5), rs.getString(6)));
                        }
                    }
                }
            }
            if (stored == null) {
                throw RepositoryException.unknownUser(draft.userId());
            }
            DraftDiff diff = DraftDiff.of(stored, draft);
            if (diff.isEmpty()) {
                return stored;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "update users set name = ?, version = version + 1 where id = ? and version = ?")) {
                ps.setString(1, draft.name());
                ps.setLong(2, draft.userId());
                ps.setLong(3, draft.version());
                if (ps.executeUpdate() == 0) {
                    throw RepositoryException.concurrentChange(draft.userId(), null);
                }
            }
            if (!diff.removed().isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "delete from posts where id = ? and user_id = ?")) {
                    for (long id : diff.removed()) {
                        ps.setLong(1, id);
                        ps.setLong(2, draft.userId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            Map<Long, PostDraft> changed = new HashMap<>();
            if (!diff.changed().isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "update posts set title = ?, content = ? where id = ? and user_id = ?")) {
                    for (PostDraft post : diff.changed()) {
                        ps.setString(1, post.title());
                        ps.setString(2, post.content());
                        ps.setLong(3, post.id());
                        ps.setLong(4, draft.userId());
                        ps.addBatch();
                        changed.put(post.id(), post);
                    }
                    ps.executeBatch();
                }
            }
            PlainUser saved = new PlainUser(draft.userId(), draft.name(), draft.version() + 1);
            for (PlainPost post : stored.getPosts()) {
                if (!diff.removed().contains(post.getId())) {
                    PostDraft now = changed.get(post.getId());
                    saved.addPost(now == null ? new PlainPost(post.getId(), post.getTitle(), post.getContent())
                            : new PlainPost(post.getId(), now.title(), now.content()));
                }
            }
            if (!diff.added().isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "insert into posts (title, content, user_id) values (?, ?, ?)", new String[] {"id"})) {
                    for (PostDraft post : diff.added()) {
                        ps.setString(1, post.title());
                        ps.setString(2, post.content());
                        ps.setLong(3, draft.userId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        for (PostDraft post : diff.added()) {
                            keys.next();
                            saved.addPost(new PlainPost(keys.getLong(1), post.title(), post.content()));
                        }
                    }
                }
            }
            return saved;
        });
    }

    @Override
    public void close() {
    }
}
