package onetomany.springdatajdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import onetomany.contract.Limits;
import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.OwnWays;
import onetomany.contract.Post;
import onetomany.contract.PostSummary;
import onetomany.contract.RepositoryException;
import onetomany.contract.StatementBudget;
import onetomany.contract.TextChecks;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserDraft.PostDraft;
import onetomany.contract.UserPostRepository;
import onetomany.springdatajdbc.model.PostEntity;
import onetomany.springdatajdbc.model.UserEntity;
import onetomany.sql.SqlErrors;
import onetomany.unitofwork.BrokenConnection;
import onetomany.unitofwork.ConsumerFailure;
import onetomany.unitofwork.DraftDiff;
import onetomany.unitofwork.Suppressed;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * The contract in Spring Data JDBC 4: the user is an aggregate root that owns his posts
 * ({@code @MappedCollection}), stored and deleted as one by {@link JdbcAggregateTemplate}, the library's API under
 * its repositories.
 *
 * <p>Spring Data JDBC has no session, no dirty checking and no lazy loading: it loads a whole aggregate and saves a
 * whole aggregate. Where that is what the contract asks, the library does it: creating a user with his posts
 * ({@code insert}), deleting him with them ({@code deleteById}), and the N+1 of {@code NAIVE}, which is the
 * library's default loading (the roots, then one query per root for its posts). Where its way costs more than the
 * contract allows, the repository sends SQL of its own through the {@link NamedParameterJdbcTemplate} the library
 * runs on, in the same transaction: the reads the contract counts at 1 or 2 statements (the library's default
 * loading is 1 + N; its single query loading is not supported by the H2 dialect, and {@code findAll} in an order
 * falls back to 1 + N: see {@code SpringDataJdbcSingleQueryLoadingTest}), the writes to one post, which an
 * aggregate does not allow (the library's way is to load the user, change him, and save him whole), and the draft's
 * save, whose diff writes only what changed (the library's {@code save} deletes every post of the user and inserts
 * them all again: see
 * {@code SpringDataJdbcOwnSaveTest}).
 *
 * <p>Each method is one transaction of the {@link PlatformTransactionManager} ({@link #inTransaction}); a failure is
 * a Spring {@code DataAccessException} with the driver's {@link SQLException} as its cause, which
 * {@link SqlErrors} translates.
 */
public class SpringDataJdbcUserPostRepository implements UserPostRepository, OwnWays.WholeAggregateSave {

    // tag::queries[]
    private static final String USER_WITH_POSTS = """
            select u.id u_id, u.name u_name, u.version u_version,
                   p.id p_id, p.title p_title, p.content p_content
            from users u
            left join posts p on p.user_id = u.id
            where u.id = :id
            order by p.id""";
    private static final String ALL_USERS_WITH_POSTS = """
            select u.id u_id, u.name u_name, u.version u_version,
                   p.id p_id, p.title p_title, p.content p_content
            from users u
            left join posts p on p.user_id = u.id
            order by u.id, p.id""";
    private static final String ALL_USERS = """
            select u.id u_id, u.name u_name, u.version u_version from users u order by u.id""";
    private static final String PAGE_OF_USERS = """
            select u.id u_id, u.name u_name, u.version u_version from users u
            where u.id > :afterUserId
            order by u.id
            limit :limit""";
    private static final String POSTS_OF_USERS = """
            select p.id p_id, p.title p_title, p.content p_content, p.user_id p_user_id
            from posts p
            where p.user_id in (:userIds)
            order by p.id""";
    private static final String POSTS_OF_ALL_USERS = """
            select p.id p_id, p.title p_title, p.content p_content, p.user_id p_user_id
            from posts p
            where p.user_id in (select u.id from users u)
            order by p.id""";
    private static final String ALL_POSTS_WITH_AUTHORS = """
            select p.id p_id, p.title p_title, p.content p_content,
                   u.id u_id, u.name u_name, u.version u_version
            from posts p
            join users u on u.id = p.user_id
            order by p.id""";
    private static final String POST_SUMMARIES = """
            select p.id post_id, p.title title, u.id author_id, u.name author_name
            from posts p
            join users u on u.id = p.user_id
            order by p.id""";
    private static final String INSERT_POST =
            "insert into posts (title, content, user_id) values (:title, :content, :userId)";
    private static final String BUMP_VERSION = "update users set version = version + 1 where id = :id";
    private static final String USER_OF_POST = "select user_id from posts where id = :postId";
    private static final String UPDATE_USER_OF_VERSION = """
            update users set name = :name, version = version + 1
            where id = :id and version = :version""";
    private static final String EDIT_POST_OF_USER =
            "update posts set title = :title, content = :content where id = :id and user_id = :userId";
    private static final String LOCK_USER = "select id from users where id = :id for update";
    private static final String DELETE_POST_OF_USER = "delete from posts where id = :postId and user_id = :userId";
    private static final String RENAME_USER = "update users set name = :name, version = version + 1 where id = :id";
    // end::queries[]

    /** Rows the driver fetches per round trip when streaming: see the README, "Streaming". */
    static final int STREAM_FETCH_SIZE = 1_000;

    /** The generated key asked for by name: PostgreSQL would otherwise return every column of the row. */
    private static final String[] ID = {"id"};

    /**
     * A post summary from its row, each column read by its label: a {@link RowMapper} lambda, the idiom of
     * {@code JdbcTemplate}'s documentation. The price: the columns are named twice, in {@code POST_SUMMARIES} and
     * here, and kept in step by hand. Spring's {@code DataClassRowMapper} would match them to the record's components
     * by name, but does it on every row: each component's column looked up by its lower-cased name first
     * ({@code postid}, which fails with an {@link SQLException}) then by its underscored name ({@code post_id}), the
     * value converted, the constructor called by reflection. The reference runs of commit 2327459, which used it,
     * measured this read at 12× the JDBC floor on PostgreSQL and 358× on H2.
     */
    private static final RowMapper<PostSummary> SUMMARY = (row, rowNumber) -> new PostSummary(row.getLong("post_id"),
            row.getString("title"), row.getLong("author_id"), row.getString("author_name"));

    /** Every unit of work: a new transaction, the database's default isolation. */
    private static final TransactionDefinition UNIT_OF_WORK = TransactionDefinition.withDefaults();

    private final DataSource dataSource;
    private final AnnotationConfigApplicationContext context;
    private final JdbcAggregateTemplate aggregates;
    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final PlatformTransactionManager transactions;
    private final StatementBudget budget;

    public SpringDataJdbcUserPostRepository(DataSource dataSource) {
        this.dataSource = dataSource;
        // tag::register[]
        context = new AnnotationConfigApplicationContext();
        // No destroy method: a context closes every AutoCloseable bean it holds, and the DataSource is the caller's.
        context.registerBean(DataSource.class, () -> dataSource, bean -> bean.setDestroyMethodName(""));
        context.register(SpringDataJdbcConfiguration.class);
        context.refresh();
        aggregates = context.getBean(JdbcAggregateTemplate.class);
        jdbc = context.getBean(NamedParameterJdbcTemplate.class);
        transactions = context.getBean(PlatformTransactionManager.class);
        // end::register[]
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(STREAM_FETCH_SIZE);
        fetching.setExceptionTranslator(new SQLExceptionSubclassTranslator());
        streaming = new NamedParameterJdbcTemplate(fetching);
        budget = budget(context.getBean(Dialect.class));
    }

    /**
     * Two writes cost what the library's idiom costs, not the contract's defaults:
     * <ul>
     * <li>creating a user: the library inserts the root, then his posts, in one JDBC batch when the dialect can read
     *     generated keys back from a batch (H2, PostgreSQL), one insert per post otherwise: 2 or 1 + k;</li>
     * <li>deleting a user: 4, one more than hand-written SQL. The library's {@code deleteById} locks the root itself
     *     ({@code select ... for update}), then deletes the posts and the root, but it tells nothing when there is
     *     no such user (0 rows deleted is not an error for it); the repository's own lock before it finds an
     *     unknown user, so the row is locked twice.</li>
     * </ul>
     */
    private static StatementBudget budget(Dialect dialect) {
        boolean batchedInserts = dialect.getIdGeneration().supportedForBatchOperations();
        return new StatementBudget() {
            @Override
            public int createUserWithPosts(int posts) {
                return batchedInserts ? 1 + (posts > 0 ? 1 : 0) : 1 + posts;
            }

            @Override
            public int deleteUser(int posts) {
                return 4;
            }
        };
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        TextChecks.check(newUser); // before any statement: the same answer on every database
        // session.add(user1) cascading to the posts: the library inserts the root (version 0, from @Version), then
        // the posts with the root's id in user_id, and sets every generated id on the objects.
        return write(null, () -> {
            // tag::seed[]
            UserEntity user = new UserEntity(newUser.name());
            for (NewPost post : newUser.posts()) {
                user.addPost(new PostEntity(post.title(), post.content()));
            }
            return aggregates.insert(user);
            // end::seed[]
        });
    }

    @Override
    public Optional<User> findUserWithPosts(long userId) {
        return read(() -> userWithPosts(userId).map(User.class::cast));
    }

    /** The library's findById would be 2 statements (the user, then his posts): one join, folded, instead. */
    private Optional<UserEntity> userWithPosts(long userId) {
        return jdbc.query(USER_WITH_POSTS, new MapSqlParameterSource("id", userId), FOLD_USERS)
                .stream().findFirst();
    }

    /**
     * The joined queries' rows folded into one user per id, in query order: a {@link ResultSetExtractor}, Spring's
     * callback for a whole result set, as the library's reference documentation advises for what its mapping does
     * not cover.
     */
    // tag::fold[]
    private static final ResultSetExtractor<List<UserEntity>> FOLD_USERS = rows -> {
        Map<Long, UserEntity> users = new LinkedHashMap<>();
        while (rows.next()) {
            UserEntity user = users.get(rows.getLong("u_id"));
            if (user == null) {
                user = user(rows);
                users.put(user.getId(), user);
            }
            // A left join gives a user without posts one row whose post columns are null.
            if (rows.getObject("p_id") != null) {
                user.addPost(post(rows));
            }
        }
        return new ArrayList<>(users.values());
    };
    // end::fold[]

    private static UserEntity user(ResultSet row) throws SQLException {
        return new UserEntity(row.getLong("u_id"), row.getString("u_name"), row.getLong("u_version"));
    }

    private static PostEntity post(ResultSet row) throws SQLException {
        return new PostEntity(row.getLong("p_id"), row.getString("p_title"), row.getString("p_content"));
    }

    @Override
    public List<User> findAllUsersWithPosts(LoadStrategy strategy) {
        return read(() -> List.copyOf(switch (strategy) {
            case JOINED -> joined();
            case SELECT_IN -> selectIn();
            case SUBQUERY -> subquery();
            case NAIVE -> naive();
        }));
    }

    /** joinedload: one statement, folded by the extractor. */
    // tag::joined[]
    private List<UserEntity> joined() {
        return jdbc.query(ALL_USERS_WITH_POSTS, FOLD_USERS);
    }
    // end::joined[]

    /**
     * selectinload: the users, then their posts by chunks of at most 500 ids; the named parameter
     * {@code :userIds} bound to a list becomes one {@code ?} per id. No user, no chunk.
     */
    // tag::select-in[]
    private List<UserEntity> selectIn() {
        List<UserEntity> users = allUsers();
        Map<Long, UserEntity> usersById = byId(users);
        List<Long> ids = users.stream().map(UserEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += LoadStrategy.IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(from + LoadStrategy.IDS_PER_STATEMENT, ids.size()));
            jdbc.query(POSTS_OF_USERS, new MapSqlParameterSource("userIds", chunk), addPostToItsUser(usersById));
        }
        return users;
    }
    // end::select-in[]

    /** subqueryload: the users, then all their posts in one statement whose {@code in} is the users' query. */
    // tag::subquery[]
    private List<UserEntity> subquery() {
        List<UserEntity> users = allUsers();
        if (users.isEmpty()) {
            return users; // nothing to look up: the contract's one statement
        }
        jdbc.query(POSTS_OF_ALL_USERS, addPostToItsUser(byId(users)));
        return users;
    }
    // end::subquery[]

    private static Map<Long, UserEntity> byId(List<UserEntity> users) {
        Map<Long, UserEntity> usersById = new HashMap<>();
        users.forEach(user -> usersById.put(user.getId(), user));
        return usersById;
    }

    /** Each post row of SELECT_IN and SUBQUERY to the user of its {@code p_user_id}. */
    private static RowCallbackHandler addPostToItsUser(Map<Long, UserEntity> usersById) {
        return row -> usersById.get(row.getLong("p_user_id")).addPost(post(row));
    }

    /**
     * The N+1 problem is the library's own loading: {@code findAll} reads the aggregate roots, then, for each root,
     * its {@code @MappedCollection} with a query of its own ({@code ... where user_id = ?}), eagerly: there is no
     * lazy loading in Spring Data JDBC, the whole aggregate is read at once.
     */
    // tag::naive[]
    private List<UserEntity> naive() {
        return aggregates.findAll(UserEntity.class, Sort.by("id"));
    }
    // end::naive[]

    private List<UserEntity> allUsers() {
        return jdbc.query(ALL_USERS, (row, rowNumber) -> user(row));
    }

    /**
     * yield_per: the join read row by row by a {@link RowCallbackHandler} on a template with a fetch size,
     * consecutive rows of one user folded and handed over when the next user's first row comes. The template closes
     * the statement and the result set even when the consumer throws. The fetch size: see the README, "Streaming".
     */
    @Override
    public void forEachUserWithPosts(Consumer<? super User> consumer) {
        Consumer<? super User> guarded = ConsumerFailure.guard(consumer);
        read(() -> {
            // tag::stream[]
            UserFolder folder = new UserFolder(guarded);
            streaming.query(ALL_USERS_WITH_POSTS, folder);
            folder.finish();
            // end::stream[]
            return null;
        });
    }

    /** Folds consecutive rows of one user into one {@link UserEntity}, handed over once his last row is read. */
    private static final class UserFolder implements RowCallbackHandler {

        private final Consumer<? super User> consumer;
        private UserEntity current;

        UserFolder(Consumer<? super User> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            long userId = row.getLong("u_id");
            if (current == null || current.getId() != userId) {
                finish();
                current = user(row);
            }
            if (row.getObject("p_id") != null) {
                current.addPost(post(row));
            }
        }

        /** Hands the user being folded over, if any. */
        void finish() {
            if (current != null) {
                UserEntity complete = current;
                current = null;
                consumer.accept(complete);
            }
        }
    }

    @Override
    public List<Post> findAllPostsWithAuthors() {
        // joinedload(Post.author): one statement from the "many" side; one author per id, shared by his posts. An
        // aggregate cannot be read from a post up, so this is SQL of its own too.
        return read(() -> jdbc.query(ALL_POSTS_WITH_AUTHORS, rows -> {
            Map<Long, UserEntity> authorsById = new HashMap<>();
            List<Post> posts = new ArrayList<>();
            while (rows.next()) {
                PostEntity post = post(rows);
                UserEntity author = authorsById.get(rows.getLong("u_id"));
                if (author == null) {
                    author = user(rows);
                    authorsById.put(author.getId(), author);
                }
                author.addPost(post);
                posts.add(post);
            }
            return List.copyOf(posts);
        }));
    }

    /**
     * The page's users, limited by the database, then their posts by one {@code in}: a page holds at most 500
     * users, the size of a select-in chunk. The library's {@code findAll(Query)} with a limit would read each
     * user's posts with a query of its own.
     */
    @Override
    public List<User> findUsersWithPostsPage(long afterUserId, int limit) {
        Limits.checkPage(afterUserId, limit); // before any statement: the same answer on every database
        return read(() -> {
            // tag::page[]
            List<UserEntity> users = jdbc.query(PAGE_OF_USERS, new MapSqlParameterSource()
                    .addValue("afterUserId", afterUserId)
                    .addValue("limit", limit), (row, rowNumber) -> user(row));
            if (!users.isEmpty()) {
                jdbc.query(POSTS_OF_USERS, new MapSqlParameterSource("userIds",
                        users.stream().map(UserEntity::getId).toList()), addPostToItsUser(byId(users)));
            }
            // end::page[]
            return List.copyOf(users);
        });
    }

    /** A projection: each row into a record by a {@link RowMapper} ({@code SUMMARY}), no entity, no graph. */
    @Override
    public List<PostSummary> findPostSummaries() {
        return read(() -> List.copyOf(jdbc.query(POST_SUMMARIES, SUMMARY)));
    }

    @Override
    public long addPost(Long userId, NewPost newPost) {
        TextChecks.check(newPost); // before any statement: the same answer on every database
        // The user's version first: it locks his row against a concurrent deleteUser, and finds an unknown user.
        // A null user id goes straight to the insert, which the schema refuses (NOT NULL).
        return write(userId, () -> {
            if (userId != null && bumpVersion(userId) == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            return insertPost(userId, newPost);
        });
    }

    // tag::insert-post[]
    private long insertPost(Long userId, NewPost post) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(INSERT_POST, new MapSqlParameterSource()
                .addValue("title", post.title())
                .addValue("content", post.content())
                .addValue("userId", userId), key, ID);
        return generatedId(key.getKeys());
    }
    // end::insert-post[]

    /** The one generated key of a row, whatever the driver calls it ({@code id}, {@code ID}, {@code insert_id}). */
    private static long generatedId(Map<String, Object> keys) {
        return ((Number) keys.values().iterator().next()).longValue();
    }

    private int bumpVersion(long userId) {
        return jdbc.update(BUMP_VERSION, new MapSqlParameterSource("id", userId));
    }

    @Override
    public void removePost(long userId, long postId) {
        // delete-orphan: removing the post is deleting its row, "of this user"; his version first.
        write(userId, () -> {
            // tag::orphan[]
            if (bumpVersion(userId) == 0 || jdbc.update(DELETE_POST_OF_USER, new MapSqlParameterSource()
                    .addValue("postId", postId)
                    .addValue("userId", userId)) == 0) {
                throw RepositoryException.unknownPostOfUser(postId, userId);
            }
            // end::orphan[]
            return null;
        });
    }

    @Override
    public void renameUser(long userId, String newName) {
        TextChecks.name(newName); // before any statement: the same answer on every database
        write(userId, () -> {
            if (jdbc.update(RENAME_USER, new MapSqlParameterSource()
                    .addValue("id", userId)
                    .addValue("name", newName)) == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            return null;
        });
    }

    @Override
    public void editPost(long postId, String newTitle, String newContent) {
        TextChecks.post(newTitle, newContent); // before any statement: the same answer on every database
        // The post's user is the root of the aggregate: his version is bumped too, and his row locked before the
        // post's, as every write does (an update whose subquery reads the post would lock the post first on MariaDB,
        // and deadlock with a removePost that holds the user). So: find the user without a lock, bump him, then
        // update the post if it is still his (0 rows: removed, or its user deleted, meanwhile).
        write(null, () -> {
            List<Long> userId = jdbc.queryForList(USER_OF_POST, new MapSqlParameterSource("postId", postId),
                    Long.class);
            if (userId.isEmpty() || bumpVersion(userId.get(0)) == 0
                    || jdbc.update(EDIT_POST_OF_USER, new MapSqlParameterSource()
                    .addValue("id", postId)
                    .addValue("userId", userId.get(0))
                    .addValue("title", newTitle)
                    .addValue("content", newContent)) == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            return null;
        });
    }

    /**
     * The diff by hand ({@link DraftDiff}), not the library's {@code save}: the user's row first, its version checked
     * in the where clause (0 rows: a concurrent change; the update also locks the row), then one JDBC batch per kind
     * of change ({@code batchUpdate}; the inserts' ids come back from the batch through a {@link KeyHolder}).
     * Unchanged posts cost nothing and keep their ids.
     */
    @Override
    public User saveUserWithPosts(UserDraft draft) {
        TextChecks.check(draft); // before any statement: the same answer on every database
        return write(draft.userId(), () -> {
            // tag::save[]
            UserEntity user = userWithPosts(draft.userId())
                    .orElseThrow(() -> RepositoryException.unknownUser(draft.userId()));
            DraftDiff diff = DraftDiff.of(user, draft); // a stale version, another user's post: refused here
            if (diff.isEmpty()) {
                return user; // nothing to write, and the version stays
            }
            if (jdbc.update(UPDATE_USER_OF_VERSION, new MapSqlParameterSource()
                    .addValue("id", draft.userId())
                    .addValue("name", draft.name())
                    .addValue("version", draft.version())) == 0) {
                throw RepositoryException.concurrentChange(draft.userId(), null);
            }
            if (!diff.removed().isEmpty()) {
                checkRows(jdbc.batchUpdate(DELETE_POST_OF_USER, diff.removed().stream()
                        .map(id -> new MapSqlParameterSource("postId", id).addValue("userId", draft.userId()))
                        .toArray(SqlParameterSource[]::new)), draft.userId());
            }
            if (!diff.changed().isEmpty()) {
                checkRows(jdbc.batchUpdate(EDIT_POST_OF_USER, diff.changed().stream()
                        .map(post -> postParameters(post, draft.userId()).addValue("id", post.id()))
                        .toArray(SqlParameterSource[]::new)), draft.userId());
            }
            List<PostEntity> added = new ArrayList<>();
            if (!diff.added().isEmpty()) {
                KeyHolder keys = new GeneratedKeyHolder();
                jdbc.batchUpdate(INSERT_POST, diff.added().stream()
                        .map(post -> postParameters(post, draft.userId()))
                        .toArray(SqlParameterSource[]::new), keys, ID);
                for (int i = 0; i < diff.added().size(); i++) {
                    PostDraft post = diff.added().get(i);
                    added.add(new PostEntity(generatedId(keys.getKeyList().get(i)), post.title(), post.content()));
                }
            }
            // end::save[]
            return saved(user, draft, diff, added);
        });
    }

    /**
     * The library's own save of a changed aggregate, {@code JdbcAggregateTemplate.save}, in one unit of work: not the
     * contract's save, shown beside it. The library does not know what the user looked like when he was read, so it
     * cannot diff: it updates the root ({@code @Version}: {@code ... where id = ? and version = ?}, 0 rows an
     * {@code OptimisticLockingFailureException}), deletes every post of the user and inserts every post of the
     * object again (<a href="https://docs.spring.io/spring-data/relational/reference/jdbc/entity-persistence.html">
     * persisting entities</a>). {@code SpringDataJdbcOwnSaveTest} counts what it sends.
     */
    // tag::own-save[]
    public UserEntity saveAggregate(UserEntity user) {
        return write(user.getId(), () -> {
            try {
                return aggregates.save(user);
            } catch (OptimisticLockingFailureException stale) {
                throw RepositoryException.concurrentChange(user.getId(), stale); // @Version's update found 0 rows
            }
        });
    }
    // end::own-save[]

    /**
     * The library's own save of the draft the contract's {@link #saveUserWithPosts} takes, for the comparison
     * report's row beside it ({@link OwnWays.WholeAggregateSave}): the user loaded (the contract's 1-statement read),
     * the draft applied to the loaded object as a Spring Data JDBC program would apply a form, then
     * {@link #saveAggregate}. The draft's version goes on the object, so the library's {@code @Version} is what
     * refuses a stale draft. {@code SpringDataJdbcOwnSaveTest} counts what it sends and reads the posts' ids.
     */
    @Override
    public OwnWays.SavedAggregate saveWholeAggregate(UserDraft draft) {
        TextChecks.check(draft); // before any statement, as the contract's save
        UserEntity user = (UserEntity) findUserWithPosts(draft.userId())
                .orElseThrow(() -> RepositoryException.unknownUser(draft.userId()));
        List<Long> before = user.getPosts().stream().map(PostEntity::getId).toList();
        Map<Long, PostEntity> loaded = new HashMap<>();
        user.getPosts().forEach(post -> loaded.put(post.getId(), post));
        List<PostEntity> added = new ArrayList<>();
        for (PostDraft post : draft.posts()) {
            if (post.id() == null) {
                added.add(new PostEntity(post.title(), post.content()));
                continue;
            }
            PostEntity kept = loaded.remove(post.id());
            if (kept == null) {
                throw RepositoryException.unknownPostOfUser(post.id(), draft.userId());
            }
            kept.setTitle(post.title());
            kept.setContent(post.content());
        }
        loaded.values().forEach(user::removePost); // delete-orphan, in memory: the save rewrites the posts
        added.forEach(user::addPost);
        user.setName(draft.name());
        user.setVersion(draft.version());
        return new OwnWays.SavedAggregate(before, saveAggregate(user));
    }

    private static MapSqlParameterSource postParameters(PostDraft post, long userId) {
        return new MapSqlParameterSource()
                .addValue("title", post.title())
                .addValue("content", post.content())
                .addValue("userId", userId);
    }

    /** The loaded user, changed to what was written: nothing is read again. */
    private static UserEntity saved(UserEntity user, UserDraft draft, DraftDiff diff, List<PostEntity> added) {
        user.getPosts().stream().filter(post -> diff.removed().contains(post.getId()))
                .forEach(user::removePost);
        Map<Long, PostDraft> changedById = new HashMap<>();
        diff.changed().forEach(changed -> changedById.put(changed.id(), changed));
        for (PostEntity post : user.getPosts()) {
            PostDraft changed = changedById.get(post.getId());
            if (changed != null) {
                post.setTitle(changed.title());
                post.setContent(changed.content());
            }
        }
        added.forEach(user::addPost);
        user.setName(draft.name());
        user.setVersion(user.getVersion() + 1);
        return user;
    }

    /**
     * Each row of a batch written once: the version-checked update before it holds the user's row, but a count
     * that says otherwise is not ignored. A driver may report {@link Statement#SUCCESS_NO_INFO} instead.
     */
    private static void checkRows(int[] counts, long userId) {
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw RepositoryException.concurrentChange(userId, null);
            }
        }
    }

    @Override
    public void deleteUser(long userId) {
        // cascade="all" is the aggregate's own: deleteById locks the root, deletes the posts (delete from posts
        // where user_id = ?), then the root. It is silent about a user who does not exist: the repository's lock
        // first finds him (the budget's one statement more).
        write(userId, () -> {
            // tag::delete-user[]
            if (jdbc.queryForList(LOCK_USER, new MapSqlParameterSource("id", userId), Long.class).isEmpty()) {
                throw RepositoryException.unknownUser(userId);
            }
            aggregates.deleteById(userId, UserEntity.class);
            // end::delete-user[]
            return null;
        });
    }

    @Override
    public StatementBudget budget() {
        return budget;
    }

    /**
     * Closes the Spring context: its beans hold no connection; the DataSource belongs to the caller and stays open
     * (registered without a destroy method).
     */
    @Override
    public void close() {
        context.close();
    }

    /** One unit of work that only reads. */
    private <R> R read(Supplier<R> work) {
        return inTransaction(null, false, work);
    }

    /** One unit of work that writes; {@code referencedUserId} is named if the foreign key refuses it. */
    private <R> R write(Long referencedUserId, Supplier<R> work) {
        return inTransaction(referencedUserId, true, work);
    }

    /**
     * A transaction of the {@link PlatformTransactionManager}, written out rather than {@code TransactionTemplate},
     * because the contract needs to know where a failure happened: in the work (rolled back here), or in the commit
     * ({@code OUTCOME_UNKNOWN} if the connection was lost there; the manager has rolled back and released the
     * connection itself, {@code rollbackOnCommitFailure}). After a successful commit the manager resets the
     * connection and gives it back to the pool, and only logs what fails there: the work is stored.
     */
    private <R> R inTransaction(Long referencedUserId, boolean writes, Supplier<R> work) {
        TransactionStatus transaction = null;
        R result;
        try {
            transaction = transactions.getTransaction(UNIT_OF_WORK); // the connection is taken from the pool here
            result = work.get();
        } catch (Error failure) {
            // Out of memory, a stack overflow, an assertion: rolled back like any failure, and rethrown as it is.
            rollback(transaction, failure);
            throw failure;
        } catch (RuntimeException failure) {
            rollback(transaction, failure);
            ConsumerFailure.rethrowConsumersOwn(failure); // what a caller's consumer threw goes back unchanged
            throw SqlErrors.translate(failure, referencedUserId);
        }
        try {
            transactions.commit(transaction);
        } catch (RuntimeException failure) {
            throw writes ? SqlErrors.translateAtCommit(failure, referencedUserId) : SqlErrors.translate(failure);
        }
        return result;
    }

    /**
     * Rolls back, whatever {@code failure} is (an {@link Error} too): the manager then resets the connection and
     * gives it back to the pool, even if the rollback fails. What fails here is attached to {@code failure}, which
     * the caller rethrows.
     * After an {@code Error}, a connection that no longer answers is aborted first ({@link BrokenConnection}).
     */
    private void rollback(TransactionStatus transaction, Throwable failure) {
        if (transaction == null || transaction.isCompleted()) {
            return; // not begun: nothing to roll back
        }
        if (failure instanceof Error) {
            try { // the transaction's own connection, bound to this thread until the rollback
                BrokenConnection.abortIfItDoesNotAnswer(DataSourceUtils.getConnection(dataSource), failure);
            } catch (Throwable checkFailure) {
                Suppressed.attach(failure, checkFailure);
            }
        }
        try {
            transactions.rollback(transaction);
        } catch (Throwable rollbackFailure) {
            Suppressed.attach(failure, rollbackFailure);
        }
    }
}
