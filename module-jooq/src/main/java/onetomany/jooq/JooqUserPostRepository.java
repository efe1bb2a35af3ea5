package onetomany.jooq;

import static onetomany.jooq.schema.Tables.POSTS;
import static onetomany.jooq.schema.Tables.USERS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
import onetomany.jooq.model.PostEntity;
import onetomany.jooq.model.UserEntity;
import onetomany.sql.SqlErrors;
import onetomany.unitofwork.BrokenConnection;
import onetomany.unitofwork.ConsumerFailure;
import onetomany.unitofwork.DraftDiff;
import onetomany.unitofwork.Suppressed;
import org.jooq.BatchBindStep;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * The contract in jOOQ 3: every statement written in jOOQ's DSL over classes generated from the schema's migrations
 * ({@code onetomany.jooq.schema}, built by {@code mvn generate-sources}), records turned into objects by record
 * mappers, the rows of a join folded into a graph as they come.
 *
 * <p>jOOQ has no session, no entity state and no relationship mapping: like Jdbi it sends exactly the SQL below,
 * one connection in one transaction per method ({@link #inTransaction}), and this class links {@code user.posts}
 * and {@code post.author} itself. What jOOQ adds is the type checking of that SQL at compile time (a column of the
 * wrong table, a String bound to a {@code bigint}, do not compile) and one SQL text per database from one query:
 * the dialect comes from the connection. A missing row shows as "0 rows updated", on which the method throws and
 * the transaction is rolled back; the database checks every value, and {@link SqlErrors} translates its refusal,
 * which jOOQ hands over as a {@code DataAccessException} with the driver's {@code SQLException} as its cause.
 */
public class JooqUserPostRepository implements UserPostRepository, OwnWays.NestedRead {

    /**
     * jOOQ's DSL costs the contract's defaults: one statement per row, a user's posts in one delete, and each kind of
     * a draft's changes one statement (the updates one {@code batch}, the removed posts one delete of their ids, the
     * new posts one JDBC batch of the insert jOOQ renders: see {@link #insertReturningIds}).
     */
    static final StatementBudget BUDGET = new StatementBudget() {
    };

    /** Rows the driver fetches per round trip when streaming: the same as the other modules'. */
    static final int STREAM_FETCH_SIZE = 1_000;

    /**
     * Names as the migrations write them, unquoted: jOOQ quotes every name by default ({@code "users"}), which H2,
     * which folds unquoted names to upper case, would not find. Unquoted, each database folds them its own way.
     * And bind values as they are: on H2 jOOQ writes {@code cast(? as bigint)} for every one by default, which the
     * driver's own typing makes needless here. On MariaDB, {@code multiset} is a {@code group_concat} of JSON
     * arrays, and jOOQ by default raises {@code group_concat_max_len} around it with {@code set} statements sent in
     * the same call, which the driver refuses (no multi-queries): the server's limit stays (1 MB of one user's
     * posts since MariaDB 10.2). And no {@code getWarnings()} after each statement (jOOQ's default fetches them
     * for its debug log): one JDBC call less per statement, which the other modules do not make either.
     */
    // tag::settings[]
    private static final Settings SETTINGS = new Settings()
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withRenderSchema(false)
            .withParamCastMode(ParamCastMode.NEVER)
            .withRenderGroupConcatMaxLenSessionVariable(false)
            .withFetchWarnings(false);
    // end::settings[]

    static {
        // jOOQ prints its logo and a tip of the day once per JVM; the report and the tests need neither.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final DataSource dataSource;

    /** The dialect, read from the first connection's URL ({@code JDBCUtils.dialect}): H2, POSTGRES or MARIADB. */
    private volatile SQLDialect dialect;

    public JooqUserPostRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        TextChecks.check(newUser); // before any statement: the same answer on every database
        // SQLAlchemy's session.add(user1) cascading to the posts, spelled out: the user first, for its generated
        // id, then one insert per post, each returning its id.
        return write(null, dsl -> {
            // tag::seed[]
            long userId = insertReturningIds(dsl, dsl.insertInto(USERS, USERS.NAME).values((String) null), 1,
                    (insert, i) -> insert.setString(1, newUser.name())).get(0);
            UserEntity user = new UserEntity(userId, newUser.name());
            for (NewPost post : newUser.posts()) {
                user.addPost(new PostEntity(insertPost(dsl, userId, post), post.title(), post.content()));
            }
            return user;
            // end::seed[]
        });
    }

    // tag::insert-post[]
    private static long insertPost(DSLContext dsl, Long userId, NewPost post) {
        return insertPosts(dsl, userId, List.of(PostDraft.added(post.title(), post.content()))).get(0);
    }
    // end::insert-post[]

    @Override
    public Optional<User> findUserWithPosts(long userId) {
        return read(dsl -> userWithPosts(dsl, userId).map(User.class::cast));
    }

    private static Optional<UserEntity> userWithPosts(DSLContext dsl, long userId) {
        List<UserEntity> users = fold(dsl.select(USERS.ID, USERS.NAME, USERS.VERSION,
                        POSTS.ID, POSTS.TITLE, POSTS.CONTENT)
                .from(USERS)
                .leftJoin(POSTS).on(POSTS.USER_ID.eq(USERS.ID))
                .where(USERS.ID.eq(userId))
                .orderBy(POSTS.ID));
        return users.stream().findFirst();
    }

    @Override
    public List<User> findAllUsersWithPosts(LoadStrategy strategy) {
        return read(dsl -> List.copyOf(switch (strategy) {
            case JOINED -> joined(dsl);
            case SELECT_IN -> selectIn(dsl);
            case SUBQUERY -> subquery(dsl);
            case NAIVE -> naive(dsl);
        }));
    }

    /** joinedload: one statement, {@code users left join posts}, folded as its rows come. */
    // tag::joined[]
    private static List<UserEntity> joined(DSLContext dsl) {
        return fold(dsl.select(USERS.ID, USERS.NAME, USERS.VERSION, POSTS.ID, POSTS.TITLE, POSTS.CONTENT)
                .from(USERS)
                .leftJoin(POSTS).on(POSTS.USER_ID.eq(USERS.ID))
                .orderBy(USERS.ID, POSTS.ID));
    }
    // end::joined[]

    /**
     * The fold of the joined queries: the rows come ordered by user, so one user's rows are consecutive, and each
     * row either continues the current user or starts the next one. Read through a {@link Cursor}
     * ({@code fetchLazy}), one record at a time: {@code fetch()} would first build a {@code Result} of every row,
     * the user's columns repeated in each.
     */
    // tag::fold[]
    private static List<UserEntity> fold(ResultQuery<? extends Record> query) {
        List<UserEntity> users = new ArrayList<>();
        UserFolder folder = new UserFolder(users::add);
        try (Cursor<? extends Record> rows = query.fetchLazy()) {
            rows.forEach(folder);
        }
        folder.finish();
        return users;
    }
    // end::fold[]

    /**
     * selectinload: the users, then their posts by chunks of at most 500 ids ({@code in(chunk)}: one bind value
     * per id; PostgreSQL refuses more than 65,535), each post added to its user by id. No user, no chunk.
     */
    // tag::select-in[]
    private static List<UserEntity> selectIn(DSLContext dsl) {
        List<UserEntity> users = allUsers(dsl);
        Map<Long, UserEntity> usersById = byId(users);
        List<Long> ids = users.stream().map(UserEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += LoadStrategy.IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(from + LoadStrategy.IDS_PER_STATEMENT, ids.size()));
            addPostsToTheirUsers(usersById, dsl.select(POSTS.ID, POSTS.TITLE, POSTS.CONTENT, POSTS.USER_ID)
                    .from(POSTS)
                    .where(POSTS.USER_ID.in(chunk))
                    .orderBy(POSTS.ID));
        }
        return users;
    }
    // end::select-in[]

    /** subqueryload: the users, then all their posts in one statement whose {@code in} is the users' query. */
    // tag::subquery[]
    private static List<UserEntity> subquery(DSLContext dsl) {
        List<UserEntity> users = allUsers(dsl);
        if (users.isEmpty()) {
            return users; // nothing to look up: the contract's one statement
        }
        addPostsToTheirUsers(byId(users), dsl.select(POSTS.ID, POSTS.TITLE, POSTS.CONTENT, POSTS.USER_ID)
                .from(POSTS)
                .where(POSTS.USER_ID.in(select(USERS.ID).from(USERS)))
                .orderBy(POSTS.ID));
        return users;
    }
    // end::subquery[]

    private static Map<Long, UserEntity> byId(List<UserEntity> users) {
        Map<Long, UserEntity> usersById = new HashMap<>();
        users.forEach(user -> usersById.put(user.getId(), user));
        return usersById;
    }

    /** Each post row of SELECT_IN, SUBQUERY and the page to the user of its {@code user_id}. */
    private static void addPostsToTheirUsers(Map<Long, UserEntity> usersById, ResultQuery<? extends Record> posts) {
        try (Cursor<? extends Record> rows = posts.fetchLazy()) {
            rows.forEach(row -> usersById.get(row.get(POSTS.USER_ID)).addPost(UserPostRecordMappers.post().map(row)));
        }
    }

    /** The N+1 problem, on purpose, in plain sight: jOOQ never loads lazily. */
    // tag::naive[]
    private static List<UserEntity> naive(DSLContext dsl) {
        List<UserEntity> users = allUsers(dsl);
        for (UserEntity user : users) {
            dsl.select(POSTS.ID, POSTS.TITLE, POSTS.CONTENT)
                    .from(POSTS)
                    .where(POSTS.USER_ID.eq(user.getId()))
                    .orderBy(POSTS.ID)
                    .fetch(UserPostRecordMappers.post())
                    .forEach(user::addPost);
        }
        return users;
    }
    // end::naive[]

    private static List<UserEntity> allUsers(DSLContext dsl) {
        return dsl.select(USERS.ID, USERS.NAME, USERS.VERSION)
                .from(USERS)
                .orderBy(USERS.ID)
                .fetch(UserPostRecordMappers.user());
    }

    /**
     * jOOQ's own way to load users with their posts, which the contract does not name: {@code multiset}, a nested
     * collection in one statement, each user's columns once (no join's repeated rows). jOOQ renders it for each
     * database, as JSON in a correlated subquery ({@code json_arrayagg} on H2, {@code jsonb_agg} on PostgreSQL, a
     * {@code group_concat} of {@code json_array}s on MariaDB), and reads the JSON back into typed records. One
     * statement, whatever N; the price is the database's JSON work and the posts' text sent as JSON strings. Not the
     * contract's ({@link OwnWays.NestedRead}): the comparison report shows it beside {@code findAllUsersWithPosts}.
     */
    // tag::multiset[]
    @Override
    public List<User> findAllUsersWithPostsByMultiset() {
        return read(dsl -> List.copyOf(dsl.select(USERS.ID, USERS.NAME, USERS.VERSION,
                        multiset(select(POSTS.ID, POSTS.TITLE, POSTS.CONTENT)
                                .from(POSTS)
                                .where(POSTS.USER_ID.eq(USERS.ID))
                                .orderBy(POSTS.ID)))
                .from(USERS)
                .orderBy(USERS.ID)
                .fetch(row -> {
                    UserEntity user = new UserEntity(row.value1(), row.value2(), row.value3());
                    row.value4().forEach(post -> user.addPost(
                            new PostEntity(post.value1(), post.value2(), post.value3())));
                    return user;
                })));
    }
    // end::multiset[]

    /**
     * yield_per: the join read through a {@link Cursor} with a fetch size, consecutive rows of one user folded and
     * handed over when the next user's first row comes. The cursor is closed (statement and result set) even when
     * the consumer throws.
     */
    @Override
    public void forEachUserWithPosts(Consumer<? super User> consumer) {
        Consumer<? super User> guarded = ConsumerFailure.guard(consumer);
        read(dsl -> {
            // tag::stream[]
            UserFolder folder = new UserFolder(guarded);
            try (Cursor<? extends Record> rows = dsl
                    .select(USERS.ID, USERS.NAME, USERS.VERSION, POSTS.ID, POSTS.TITLE, POSTS.CONTENT)
                    .from(USERS)
                    .leftJoin(POSTS).on(POSTS.USER_ID.eq(USERS.ID))
                    .orderBy(USERS.ID, POSTS.ID)
                    .fetchSize(STREAM_FETCH_SIZE)
                    .fetchLazy()) {
                rows.forEach(folder);
            }
            folder.finish();
            // end::stream[]
            return null;
        });
    }

    /** Folds consecutive records of one user into one {@link UserEntity}, handed over once his last row is read. */
    private static final class UserFolder implements Consumer<Record> {

        private final Consumer<? super UserEntity> consumer;
        private UserEntity current;

        UserFolder(Consumer<? super UserEntity> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void accept(Record row) {
            if (current == null || !current.getId().equals(row.get(USERS.ID))) {
                finish();
                current = UserPostRecordMappers.user().map(row);
            }
            // A left join gives a user without posts one row whose post columns are null.
            if (row.get(POSTS.ID) != null) {
                current.addPost(UserPostRecordMappers.post().map(row));
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
        // joinedload(Post.author): one statement from the "many" side; one author per id, shared by his posts.
        return read(dsl -> {
            Map<Long, UserEntity> authorsById = new HashMap<>();
            List<Post> posts = new ArrayList<>();
            try (Cursor<? extends Record> rows = dsl
                    .select(POSTS.ID, POSTS.TITLE, POSTS.CONTENT, USERS.ID, USERS.NAME, USERS.VERSION)
                    .from(POSTS)
                    .join(USERS).on(USERS.ID.eq(POSTS.USER_ID))
                    .orderBy(POSTS.ID)
                    .fetchLazy()) {
                rows.forEach(row -> {
                    PostEntity post = UserPostRecordMappers.post().map(row);
                    authorsById.computeIfAbsent(row.get(USERS.ID), id -> UserPostRecordMappers.user().map(row))
                            .addPost(post);
                    posts.add(post);
                });
            }
            return List.copyOf(posts);
        });
    }

    /**
     * A page by keyset: the page's users, limited by the database ({@code where id > ? order by id limit ?}),
     * then their posts by one {@code in} of their ids (at most {@link Limits#PAGE_SIZE_MAX}).
     */
    @Override
    public List<User> findUsersWithPostsPage(long afterUserId, int limit) {
        Limits.checkPage(afterUserId, limit); // before any statement: the same answer on every database
        return read(dsl -> {
            // tag::page[]
            List<UserEntity> users = dsl.select(USERS.ID, USERS.NAME, USERS.VERSION)
                    .from(USERS)
                    .where(USERS.ID.gt(afterUserId))
                    .orderBy(USERS.ID)
                    .limit(limit)
                    .fetch(UserPostRecordMappers.user());
            if (!users.isEmpty()) {
                addPostsToTheirUsers(byId(users), dsl.select(POSTS.ID, POSTS.TITLE, POSTS.CONTENT, POSTS.USER_ID)
                        .from(POSTS)
                        .where(POSTS.USER_ID.in(users.stream().map(UserEntity::getId).toList()))
                        .orderBy(POSTS.ID));
            }
            // end::page[]
            return List.copyOf(users);
        });
    }

    /** A projection: four columns into a record, by jOOQ's {@code Records.mapping} to its constructor. */
    @Override
    public List<PostSummary> findPostSummaries() {
        return read(dsl -> {
            // tag::summaries[]
            return List.copyOf(dsl.select(POSTS.ID, POSTS.TITLE, USERS.ID, USERS.NAME)
                    .from(POSTS)
                    .join(USERS).on(USERS.ID.eq(POSTS.USER_ID))
                    .orderBy(POSTS.ID)
                    .fetch(Records.mapping(PostSummary::new)));
            // end::summaries[]
        });
    }

    @Override
    public long addPost(Long userId, NewPost newPost) {
        TextChecks.check(newPost); // before any statement: the same answer on every database
        // The user's version first: it locks his row against a concurrent deleteUser, and finds an unknown user.
        // A null user id goes straight to the insert, which the schema refuses (NOT NULL).
        return write(userId, dsl -> {
            if (userId != null && bumpVersion(dsl, userId) == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            return insertPost(dsl, userId, newPost);
        });
    }

    private static int bumpVersion(DSLContext dsl, long userId) {
        return dsl.update(USERS)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .where(USERS.ID.eq(userId))
                .execute();
    }

    @Override
    public void removePost(long userId, long postId) {
        // delete-orphan: removing the post is deleting its row, "of this user"; his version first.
        write(userId, dsl -> {
            // tag::orphan[]
            if (bumpVersion(dsl, userId) == 0 || dsl.deleteFrom(POSTS)
                    .where(POSTS.ID.eq(postId))
                    .and(POSTS.USER_ID.eq(userId))
                    .execute() == 0) {
                throw RepositoryException.unknownPostOfUser(postId, userId);
            }
            // end::orphan[]
            return null;
        });
    }

    @Override
    public void renameUser(long userId, String newName) {
        TextChecks.name(newName); // before any statement: the same answer on every database
        write(userId, dsl -> {
            if (dsl.update(USERS)
                    .set(USERS.NAME, newName)
                    .set(USERS.VERSION, USERS.VERSION.plus(1))
                    .where(USERS.ID.eq(userId))
                    .execute() == 0) {
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
        write(null, dsl -> {
            Long userId = dsl.select(POSTS.USER_ID).from(POSTS).where(POSTS.ID.eq(postId)).fetchOne(POSTS.USER_ID);
            if (userId == null || bumpVersion(dsl, userId) == 0 || dsl.update(POSTS)
                    .set(POSTS.TITLE, newTitle)
                    .set(POSTS.CONTENT, newContent)
                    .where(POSTS.ID.eq(postId).and(POSTS.USER_ID.eq(userId)))
                    .execute() == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            return null;
        });
    }

    /**
     * The diff by hand ({@link DraftDiff}): the user's row first, its version checked in the where clause (0 rows:
     * a concurrent change; the update also locks the row), then one statement per kind of change: one delete of
     * the removed ids, the updates as one JDBC batch ({@code dsl.batch} with a bind step per post), the new posts
     * one JDBC batch whose generated ids come back ({@link #insertReturningIds}). Unchanged posts cost nothing.
     */
    @Override
    public User saveUserWithPosts(UserDraft draft) {
        TextChecks.check(draft); // before any statement: the same answer on every database
        return write(draft.userId(), dsl -> {
            // tag::save[]
            UserEntity user = userWithPosts(dsl, draft.userId())
                    .orElseThrow(() -> RepositoryException.unknownUser(draft.userId()));
            DraftDiff diff = DraftDiff.of(user, draft); // a stale version, another user's post: refused here
            if (diff.isEmpty()) {
                return user; // nothing to write, and the version stays
            }
            if (dsl.update(USERS)
                    .set(USERS.NAME, draft.name())
                    .set(USERS.VERSION, USERS.VERSION.plus(1))
                    .where(USERS.ID.eq(draft.userId()))
                    .and(USERS.VERSION.eq(draft.version()))
                    .execute() == 0) {
                throw RepositoryException.concurrentChange(draft.userId(), null);
            }
            if (!diff.removed().isEmpty() && dsl.deleteFrom(POSTS)
                    .where(POSTS.ID.in(diff.removed()))
                    .and(POSTS.USER_ID.eq(draft.userId()))
                    .execute() != diff.removed().size()) {
                throw RepositoryException.concurrentChange(draft.userId(), null);
            }
            if (!diff.changed().isEmpty()) {
                BatchBindStep updates = dsl.batch(dsl.update(POSTS)
                        .set(POSTS.TITLE, (String) null)
                        .set(POSTS.CONTENT, (String) null)
                        .where(POSTS.ID.eq((Long) null))
                        .and(POSTS.USER_ID.eq((Long) null)));
                diff.changed().forEach(post -> updates.bind(post.title(), post.content(), post.id(), draft.userId()));
                checkRows(updates.execute(), draft.userId());
            }
            List<PostEntity> added = new ArrayList<>();
            if (!diff.added().isEmpty()) {
                List<Long> ids = insertPosts(dsl, draft.userId(), List.copyOf(diff.added()));
                for (int i = 0; i < ids.size(); i++) {
                    PostDraft post = diff.added().get(i);
                    added.add(new PostEntity(ids.get(i), post.title(), post.content()));
                }
            }
            // end::save[]
            return saved(user, draft, diff, added);
        });
    }

    /** Inserts posts of one user, one JDBC batch for several, and returns their ids in the posts' order. */
    private static List<Long> insertPosts(DSLContext dsl, Long userId, List<PostDraft> posts) {
        return insertReturningIds(dsl, dsl.insertInto(POSTS, POSTS.TITLE, POSTS.CONTENT, POSTS.USER_ID)
                .values((String) null, (String) null, (Long) null), posts.size(), (insert, i) -> {
                    insert.setString(1, posts.get(i).title());
                    insert.setString(2, posts.get(i).content());
                    if (userId == null) {
                        insert.setNull(3, Types.BIGINT); // the database refuses it: MISSING_VALUE posts.user_id
                    } else {
                        insert.setLong(3, userId);
                    }
                });
    }

    /** Binds the values of the {@code i}-th row of an insert. */
    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement insert, int i) throws SQLException;
    }

    /**
     * An insert whose generated ids come back, rendered by jOOQ ({@code dsl.render}: one {@code ?} per value, for
     * the connection's database) and run by JDBC through jOOQ's {@code connectionResult}, in the transaction of the
     * unit of work: one execution for one row, one JDBC batch for several, the ids read with
     * {@code getGeneratedKeys}, in the order of the rows. Why not jOOQ's own {@code returningResult(ID)}: on H2 it
     * is a query, {@code select id from final table (insert ...)}, which an H2 session closed under it (the fault
     * suite's storm) can fail with H2's general error (a {@code NullPointerException} inside the driver, 50000)
     * instead of a closed connection; and jOOQ's {@code batch(...)} returns update counts only
     * ({@code BatchBindStep.execute()} is an {@code int[]}), not the ids a saved draft must hold.
     */
    // tag::insert-posts[]
    private static List<Long> insertReturningIds(DSLContext dsl, Query insert, int rows, RowBinder binder) {
        String sql = dsl.render(insert);
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
                if (rows == 1) {
                    binder.bind(statement, 0);
                    statement.executeUpdate();
                } else {
                    for (int i = 0; i < rows; i++) {
                        binder.bind(statement, i);
                        statement.addBatch();
                    }
                    for (int count : statement.executeBatch()) {
                        if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                            throw new IllegalStateException(count + " rows written by one row of the batch");
                        }
                    }
                }
                List<Long> ids = new ArrayList<>();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                if (ids.size() != rows) {
                    throw new IllegalStateException(rows + " rows inserted, " + ids.size() + " generated ids");
                }
                return ids;
            }
        });
    }
    // end::insert-posts[]

    /** The loaded user, changed to what was written: nothing is read again. */
    private static UserEntity saved(UserEntity user, UserDraft draft, DraftDiff diff, List<PostEntity> added) {
        user.getPosts().stream().filter(post -> diff.removed().contains(post.getId())).toList()
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
        // cascade="all": the user's row locked first (no post can be added to him meanwhile), then his posts in
        // one statement, or the foreign key refuses the user's delete, then the user.
        write(userId, dsl -> {
            // tag::delete-user[]
            if (dsl.select(USERS.ID).from(USERS).where(USERS.ID.eq(userId)).forUpdate().fetchOptional().isEmpty()) {
                throw RepositoryException.unknownUser(userId);
            }
            dsl.deleteFrom(POSTS)
                    .where(POSTS.USER_ID.eq(userId))
                    .execute();
            dsl.deleteFrom(USERS)
                    .where(USERS.ID.eq(userId))
                    .execute();
            // end::delete-user[]
            return null;
        });
    }

    @Override
    public StatementBudget budget() {
        return BUDGET;
    }

    // close(): the default. A DSLContext over a connection holds nothing once the connection is closed.

    /** The work of one unit of work, given the DSLContext over its connection. */
    @FunctionalInterface
    private interface Work<R> {
        R run(DSLContext dsl);
    }

    /** One unit of work that only reads. */
    private <R> R read(Work<R> work) {
        return inTransaction(null, false, work);
    }

    /** One unit of work that writes; {@code referencedUserId} is named if the foreign key refuses it. */
    private <R> R write(Long referencedUserId, Work<R> work) {
        return inTransaction(referencedUserId, true, work);
    }

    /**
     * A connection and its transaction, written out rather than {@code dsl.transactionResult}, because the contract
     * needs to know where a failure happened: in the work (rolled back), in the commit ({@code OUTCOME_UNKNOWN} if
     * the connection was lost there), or after it (the work is stored). jOOQ's transaction API would roll back and
     * wrap what the work threw, the commit's failure included, in its own exceptions. A failed rollback is attached
     * to the first failure.
     */
    private <R> R inTransaction(Long referencedUserId, boolean writes, Work<R> work) {
        Connection connection = null;
        R result;
        try {
            connection = dataSource.getConnection(); // the connection is taken from the pool here
            connection.setAutoCommit(false);
            result = work.run(DSL.using(connection, dialect(connection), SETTINGS));
        } catch (Error failure) {
            // Out of memory, a stack overflow, an assertion: released like any failure, and rethrown as it is.
            rollbackAndClose(connection, failure);
            throw failure;
        } catch (RuntimeException | SQLException failure) {
            rollbackAndClose(connection, failure);
            ConsumerFailure.rethrowConsumersOwn(failure); // what a caller's consumer threw goes back unchanged
            throw SqlErrors.translate(failure, referencedUserId);
        }
        try {
            connection.commit();
        } catch (Error failure) {
            rollbackAndClose(connection, failure);
            throw failure;
        } catch (RuntimeException | SQLException failure) {
            rollbackAndClose(connection, failure);
            throw writes ? SqlErrors.translateAtCommit(failure, referencedUserId) : SqlErrors.translate(failure);
        }
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (RuntimeException | SQLException failure) {
            SqlErrors.afterCommit(failure); // the commit went through; giving the connection back failed
            closeQuietly(connection);
        }
        return result;
    }

    private SQLDialect dialect(Connection connection) {
        SQLDialect known = dialect;
        if (known == null) {
            known = JDBCUtils.dialect(connection);
            dialect = known;
        }
        return known;
    }

    /**
     * Rolls back and closes, whatever {@code failure} is (an {@link Error} too), so that the connection goes back to
     * the pool with no transaction open on the server. What fails here, even an {@code Error}, is attached to
     * {@code failure}, which the caller rethrows. After an {@code Error}, a connection that no longer answers is
     * aborted first ({@link BrokenConnection}).
     */
    private static void rollbackAndClose(Connection connection, Throwable failure) {
        if (connection == null) {
            return; // not opened: nothing to roll back
        }
        if (failure instanceof Error) {
            BrokenConnection.abortIfItDoesNotAnswer(connection, failure);
        }
        try {
            connection.rollback();
        } catch (Throwable rollbackFailure) {
            Suppressed.attach(failure, rollbackFailure);
        }
        try {
            connection.close();
        } catch (Throwable closeFailure) {
            Suppressed.attach(failure, closeFailure);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (RuntimeException | SQLException closeFailure) {
            SqlErrors.afterCommit(closeFailure);
        }
    }
}
