package onetomany.jdbi;

import java.sql.Statement;
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
import onetomany.contract.Post;
import onetomany.contract.PostSummary;
import onetomany.contract.RepositoryException;
import onetomany.contract.StatementBudget;
import onetomany.contract.TextChecks;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserDraft.PostDraft;
import onetomany.contract.UserPostRepository;
import onetomany.unitofwork.BrokenConnection;
import onetomany.unitofwork.ConsumerFailure;
import onetomany.unitofwork.DraftDiff;
import onetomany.unitofwork.Suppressed;
import onetomany.sql.SqlErrors;
import onetomany.jdbi.model.PostEntity;
import onetomany.jdbi.model.UserEntity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.qualifier.QualifiedType;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.UnableToRestoreAutoCommitStateException;

/**
 * The contract in Jdbi 3 core: every statement written here by hand, rows turned into objects by row mappers,
 * the rows of a join folded into a graph by a row reducer.
 *
 * <p>Jdbi has no session, no entity state and no relationship mapping: each method is one handle in one
 * transaction ({@link #inTransaction}), sends exactly the SQL below, and links {@code user.posts} and
 * {@code post.author} itself. A missing row shows as "0 rows updated", on which the method throws and the
 * transaction is rolled back; the database checks every value, and {@link SqlErrors} translates its refusal.
 */
public class JdbiUserPostRepository implements UserPostRepository {

    /** Hand-written SQL costs the contract's defaults: one statement per row, a user's posts in one delete. */
    static final StatementBudget BUDGET = new StatementBudget() {
    };

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
    private static final String POSTS_OF_USERS = """
            select p.id p_id, p.title p_title, p.content p_content, p.user_id p_user_id
            from posts p
            where p.user_id in (<userIds>)
            order by p.id""";
    private static final String POSTS_OF_ALL_USERS = """
            select p.id p_id, p.title p_title, p.content p_content, p.user_id p_user_id
            from posts p
            where p.user_id in (select u.id from users u)
            order by p.id""";
    private static final String POSTS_OF_USER = """
            select p.id p_id, p.title p_title, p.content p_content
            from posts p
            where p.user_id = :userId
            order by p.id""";
    private static final String ALL_POSTS_WITH_AUTHORS = """
            select p.id p_id, p.title p_title, p.content p_content,
                   u.id u_id, u.name u_name, u.version u_version
            from posts p
            join users u on u.id = p.user_id
            order by p.id""";
    private static final String USERS_AFTER = """
            select u.id u_id, u.name u_name, u.version u_version
            from users u
            where u.id > :afterUserId
            order by u.id
            limit :limit""";
    private static final String POST_SUMMARIES = """
            select p.id post_id, p.title title, u.id author_id, u.name author_name
            from posts p
            join users u on u.id = p.user_id
            order by p.id""";
    private static final String INSERT_USER = "insert into users (name) values (:name)";
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
    private static final String EDIT_POST =
            "update posts set title = :title, content = :content where id = :id and user_id = :userId";
    private static final String DELETE_POSTS_OF_USER = "delete from posts where user_id = :userId";
    private static final String DELETE_USER = "delete from users where id = :id";
    // end::queries[]

    /** Rows the driver fetches per round trip when streaming: see the README, "Streaming". */
    static final int STREAM_FETCH_SIZE = 1_000;

    /**
     * The type of an id column, for {@code RowView.getColumn}: {@code getColumn("u_id", Long.class)} builds a new
     * {@code QualifiedType} on every call, two per row of a join (see the README, "Large reads").
     */
    private static final QualifiedType<Long> ID = QualifiedType.of(Long.class);

    private final Jdbi jdbi;

    public JdbiUserPostRepository(DataSource dataSource) {
        // A forgotten mapper is a NoSuchMapperException: from mapTo before any SQL is sent, but from a reducer's
        // RowView.getRow only once a row needs it.
        // tag::register[]
        this.jdbi = Jdbi.create(dataSource)
                .registerRowMapper(UserEntity.class, UserPostRowMappers.user())
                .registerRowMapper(PostEntity.class, UserPostRowMappers.post())
                .registerRowMapper(ConstructorMapper.factory(PostSummary.class));
        // end::register[]
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        TextChecks.check(newUser); // before any statement: the same answer on every database
        // SQLAlchemy's session.add(user1) cascading to the posts, spelled out: the user first, for its generated
        // id, then one insert per post.
        return write(null, handle -> {
            // tag::seed[]
            long userId = handle.createUpdate(INSERT_USER)
                    .bind("name", newUser.name())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            UserEntity user = new UserEntity(userId, newUser.name());
            for (NewPost post : newUser.posts()) {
                user.addPost(new PostEntity(insertPost(handle, userId, post), post.title(), post.content()));
            }
            return user;
            // end::seed[]
        });
    }

    // tag::insert-post[]
    private static long insertPost(Handle handle, Long userId, NewPost post) {
        return handle.createUpdate(INSERT_POST)
                .bind("title", post.title())
                .bind("content", post.content())
                .bind("userId", userId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }
    // end::insert-post[]

    @Override
    public Optional<User> findUserWithPosts(long userId) {
        return read(handle -> userWithPosts(handle, userId).map(User.class::cast));
    }

    private static Optional<UserEntity> userWithPosts(Handle handle, long userId) {
        return handle.createQuery(USER_WITH_POSTS)
                .bind("id", userId)
                .reduceRows(JdbiUserPostRepository::foldUserRow)
                .findFirst();
    }

    /**
     * The reducer of the joined queries, the pattern of Jdbi's docs: {@code reduceRows} hands it every row with a
     * {@code LinkedHashMap} that keeps one user per id, in query order; each row's post goes to that very user.
     */
    // tag::fold[]
    private static void foldUserRow(Map<Long, UserEntity> users, RowView row) {
        UserEntity user = users.computeIfAbsent(row.getColumn("u_id", ID),
                id -> row.getRow(UserEntity.class));
        // A left join gives a user without posts one row whose post columns are null.
        if (row.getColumn("p_id", ID) != null) {
            user.addPost(row.getRow(PostEntity.class));
        }
    }
    // end::fold[]

    @Override
    public List<User> findAllUsersWithPosts(LoadStrategy strategy) {
        return read(handle -> List.copyOf(switch (strategy) {
            case JOINED -> joined(handle);
            case SELECT_IN -> selectIn(handle);
            case SUBQUERY -> subquery(handle);
            case NAIVE -> naive(handle);
        }));
    }

    /** joinedload: one statement; the reducer folds each user's repeated columns into one object. */
    // tag::joined[]
    private static List<UserEntity> joined(Handle handle) {
        return handle.createQuery(ALL_USERS_WITH_POSTS)
                .reduceRows(JdbiUserPostRepository::foldUserRow)
                .toList();
    }
    // end::joined[]

    /**
     * selectinload: the users, then their posts by chunks of at most 500 ids ({@code bindList}: one parameter per
     * id; PostgreSQL refuses more than 65,535), each post added to its user by id. No user, no chunk.
     */
    // tag::select-in[]
    private static List<UserEntity> selectIn(Handle handle) {
        List<UserEntity> users = allUsers(handle);
        Map<Long, UserEntity> usersById = byId(users);
        List<Long> ids = users.stream().map(UserEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += LoadStrategy.IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(from + LoadStrategy.IDS_PER_STATEMENT, ids.size()));
            handle.createQuery(POSTS_OF_USERS)
                    .bindList("userIds", chunk)
                    .reduceRows(usersById, JdbiUserPostRepository::addPostToItsUser);
        }
        return users;
    }
    // end::select-in[]

    /** subqueryload: the users, then all their posts in one statement whose {@code in} is the users' query. */
    // tag::subquery[]
    private static List<UserEntity> subquery(Handle handle) {
        List<UserEntity> users = allUsers(handle);
        if (users.isEmpty()) {
            return users; // nothing to look up: the contract's one statement
        }
        Map<Long, UserEntity> usersById = byId(users);
        handle.createQuery(POSTS_OF_ALL_USERS)
                .reduceRows(usersById, JdbiUserPostRepository::addPostToItsUser);
        return users;
    }
    // end::subquery[]

    private static Map<Long, UserEntity> byId(List<UserEntity> users) {
        Map<Long, UserEntity> usersById = new HashMap<>();
        users.forEach(user -> usersById.put(user.getId(), user));
        return usersById;
    }

    /** Each post row of SELECT_IN and SUBQUERY to the user of its {@code p_user_id}. */
    private static Map<Long, UserEntity> addPostToItsUser(Map<Long, UserEntity> usersById, RowView row) {
        usersById.get(row.getColumn("p_user_id", ID)).addPost(row.getRow(PostEntity.class));
        return usersById;
    }

    /** The N+1 problem, on purpose, in plain sight: Jdbi never loads lazily. */
    // tag::naive[]
    private static List<UserEntity> naive(Handle handle) {
        List<UserEntity> users = allUsers(handle);
        for (UserEntity user : users) {
            handle.createQuery(POSTS_OF_USER)
                    .bind("userId", user.getId())
                    .mapTo(PostEntity.class)
                    .forEach(user::addPost);
        }
        return users;
    }
    // end::naive[]

    private static List<UserEntity> allUsers(Handle handle) {
        return handle.createQuery(ALL_USERS)
                .mapTo(UserEntity.class)
                .list();
    }

    /**
     * yield_per: the join read row by row (a reducer would see every row before it returns), consecutive rows of
     * one user folded and handed over when the next user's first row comes. {@code forEach} closes the statement
     * even when the consumer throws. The fetch size: see the README, "Streaming".
     */
    @Override
    public void forEachUserWithPosts(Consumer<? super User> consumer) {
        Consumer<? super User> guarded = ConsumerFailure.guard(consumer);
        read(handle -> {
            // tag::stream[]
            UserFolder folder = new UserFolder(guarded);
            handle.createQuery(ALL_USERS_WITH_POSTS)
                    .setFetchSize(STREAM_FETCH_SIZE)
                    .map(row -> new JoinedRow(row.getRow(UserEntity.class),
                            row.getColumn("p_id", ID) == null ? null : row.getRow(PostEntity.class)))
                    .forEach(folder);
            folder.finish();
            // end::stream[]
            return null;
        });
    }

    /** One row of the join: its user (a new object each row) and its post, null for a user without posts. */
    private record JoinedRow(UserEntity user, PostEntity post) {
    }

    /** Folds consecutive rows of one user into one {@link UserEntity}, handed over once his last row is read. */
    private static final class UserFolder implements Consumer<JoinedRow> {

        private final Consumer<? super User> consumer;
        private UserEntity current;

        UserFolder(Consumer<? super User> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void accept(JoinedRow row) {
            if (current == null || !current.getId().equals(row.user().getId())) {
                finish();
                current = row.user();
            }
            if (row.post() != null) {
                current.addPost(row.post());
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
        return read(handle -> {
            Map<Long, UserEntity> authorsById = new HashMap<>();
            return List.copyOf(handle.createQuery(ALL_POSTS_WITH_AUTHORS)
                    .reduceRows(new ArrayList<Post>(), (posts, row) -> {
                        PostEntity post = row.getRow(PostEntity.class);
                        authorsById.computeIfAbsent(row.getColumn("u_id", ID), id -> row.getRow(UserEntity.class))
                                .addPost(post);
                        posts.add(post);
                        return posts;
                    }));
        });
    }

    /**
     * A page: the users with a {@code limit} in the SQL, then their posts through {@code SELECT_IN}'s statement, one
     * chunk (a page holds at most 500 users), each post added to its user by id. The reducer of the join would fold
     * whole users, but a limit on that join would count its rows: the statements are two so that the database
     * limits users.
     */
    @Override
    public List<User> findUsersWithPostsPage(long afterUserId, int limit) {
        Limits.checkPage(afterUserId, limit); // before any statement: the same answer on every database
        return read(handle -> {
            // tag::page[]
            List<UserEntity> users = handle.createQuery(USERS_AFTER)
                    .bind("afterUserId", afterUserId)
                    .bind("limit", limit)
                    .mapTo(UserEntity.class)
                    .list();
            if (!users.isEmpty()) { // an empty page: no in (), the contract's one statement
                handle.createQuery(POSTS_OF_USERS)
                        .bindList("userIds", users.stream().map(UserEntity::getId).toList())
                        .reduceRows(byId(users), JdbiUserPostRepository::addPostToItsUser);
            }
            // end::page[]
            return List.<User>copyOf(users);
        });
    }

    /**
     * A projection: {@code ConstructorMapper}, registered for the record, matches each constructor parameter to a
     * column by name ({@code authorName} to {@code author_name}), once per result set, and builds one record per
     * row; no reducer, no graph. The price: names kept in step by hand, checked at the first query, not by the
     * compiler; a hand-written {@code RowMapper} (as for the entities) would say the same in more lines.
     */
    @Override
    public List<PostSummary> findPostSummaries() {
        return read(handle -> {
            // tag::summaries[]
            return handle.createQuery(POST_SUMMARIES)
                    .mapTo(PostSummary.class)
                    .list();
            // end::summaries[]
        });
    }

    @Override
    public long addPost(Long userId, NewPost newPost) {
        TextChecks.check(newPost); // before any statement: the same answer on every database
        // The user's version first: it locks his row against a concurrent deleteUser, and finds an unknown user.
        // A null user id goes straight to the insert, which the schema refuses (NOT NULL).
        return write(userId, handle -> {
            if (userId != null && bumpVersion(handle, userId) == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            return insertPost(handle, userId, newPost);
        });
    }

    private static int bumpVersion(Handle handle, long userId) {
        return handle.createUpdate(BUMP_VERSION)
                .bind("id", userId)
                .execute();
    }

    @Override
    public void removePost(long userId, long postId) {
        // delete-orphan: removing the post is deleting its row, "of this user"; his version first.
        write(userId, handle -> {
            // tag::orphan[]
            if (bumpVersion(handle, userId) == 0 || handle.createUpdate(DELETE_POST_OF_USER)
                    .bind("postId", postId)
                    .bind("userId", userId)
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
        write(userId, handle -> {
            if (handle.createUpdate(RENAME_USER)
                    .bind("id", userId)
                    .bind("name", newName)
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
        write(null, handle -> {
            Optional<Long> userId = handle.createQuery(USER_OF_POST)
                    .bind("postId", postId)
                    .mapTo(Long.class)
                    .findOne();
            if (userId.isEmpty() || bumpVersion(handle, userId.get()) == 0 || handle.createUpdate(EDIT_POST)
                    .bind("id", postId)
                    .bind("userId", userId.get())
                    .bind("title", newTitle)
                    .bind("content", newContent)
                    .execute() == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            return null;
        });
    }

    /**
     * The diff by hand ({@link DraftDiff}): the user's row first, its version checked in the where clause (0 rows:
     * a concurrent change; the update also locks the row), then one {@link PreparedBatch} per kind of change. The
     * inserts' ids come back from the batch ({@code executePreparedBatch("id")}). Unchanged posts cost nothing.
     */
    @Override
    public User saveUserWithPosts(UserDraft draft) {
        TextChecks.check(draft); // before any statement: the same answer on every database
        return write(draft.userId(), handle -> {
            // tag::save[]
            UserEntity user = userWithPosts(handle, draft.userId())
                    .orElseThrow(() -> RepositoryException.unknownUser(draft.userId()));
            DraftDiff diff = DraftDiff.of(user, draft); // a stale version, another user's post: refused here
            if (diff.isEmpty()) {
                return user; // nothing to write, and the version stays
            }
            if (handle.createUpdate(UPDATE_USER_OF_VERSION)
                    .bind("id", draft.userId())
                    .bind("name", draft.name())
                    .bind("version", draft.version())
                    .execute() == 0) {
                throw RepositoryException.concurrentChange(draft.userId(), null);
            }
            if (!diff.removed().isEmpty()) {
                PreparedBatch deletes = handle.prepareBatch(DELETE_POST_OF_USER);
                diff.removed().forEach(id -> deletes.bind("postId", id).bind("userId", draft.userId()).add());
                checkRows(deletes.execute(), draft.userId());
            }
            if (!diff.changed().isEmpty()) {
                PreparedBatch updates = handle.prepareBatch(EDIT_POST_OF_USER);
                diff.changed().forEach(post -> updates.bind("title", post.title()).bind("content", post.content())
                        .bind("id", post.id()).bind("userId", draft.userId()).add());
                checkRows(updates.execute(), draft.userId());
            }
            List<PostEntity> added = new ArrayList<>();
            if (!diff.added().isEmpty()) {
                PreparedBatch inserts = handle.prepareBatch(INSERT_POST);
                diff.added().forEach(post -> inserts.bind("title", post.title()).bind("content", post.content())
                        .bind("userId", draft.userId()).add());
                List<Long> ids = inserts.executePreparedBatch("id").mapTo(Long.class).list();
                for (int i = 0; i < ids.size(); i++) {
                    PostDraft post = diff.added().get(i);
                    added.add(new PostEntity(ids.get(i), post.title(), post.content()));
                }
            }
            // end::save[]
            return saved(user, draft, diff, added);
        });
    }

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
        write(userId, handle -> {
            // tag::delete-user[]
            if (lockUser(handle, userId).isEmpty()) {
                throw RepositoryException.unknownUser(userId);
            }
            handle.createUpdate(DELETE_POSTS_OF_USER)
                    .bind("userId", userId)
                    .execute();
            handle.createUpdate(DELETE_USER)
                    .bind("id", userId)
                    .execute();
            // end::delete-user[]
            return null;
        });
    }

    private static Optional<Long> lockUser(Handle handle, long userId) {
        return handle.createQuery(LOCK_USER)
                .bind("id", userId)
                .mapTo(Long.class)
                .findOne();
    }

    @Override
    public StatementBudget budget() {
        return BUDGET;
    }

    // close(): the default. A Jdbi holds nothing of its own; the DataSource belongs to the caller.

    /** One unit of work that only reads. */
    private <R> R read(HandleCallback<R, RuntimeException> work) {
        return inTransaction(null, false, work);
    }

    /** One unit of work that writes; {@code referencedUserId} is named if the foreign key refuses it. */
    private <R> R write(Long referencedUserId, HandleCallback<R, RuntimeException> work) {
        return inTransaction(referencedUserId, true, work);
    }

    /**
     * A handle and its transaction, written out rather than {@code jdbi.inTransaction}, because the contract needs
     * to know where a failure happened: in the work (rolled back), in the commit ({@code OUTCOME_UNKNOWN} if the
     * connection was lost there), or after it (the work is stored: Jdbi's {@code commit()} reports a failure to
     * restore auto-commit as {@link UnableToRestoreAutoCommitStateException}). A failed rollback is attached to
     * the first failure.
     */
    private <R> R inTransaction(Long referencedUserId, boolean writes, HandleCallback<R, RuntimeException> work) {
        Handle handle = null;
        R result;
        try {
            handle = jdbi.open(); // the connection is taken from the pool here
            handle.begin();
            result = work.withHandle(handle);
        } catch (Error failure) {
            // Out of memory, a stack overflow, an assertion: released like any failure, and rethrown as it is.
            rollbackAndClose(handle, failure);
            throw failure;
        } catch (RuntimeException failure) {
            rollbackAndClose(handle, failure);
            ConsumerFailure.rethrowConsumersOwn(failure); // what a caller's consumer threw goes back unchanged
            throw SqlErrors.translate(failure, referencedUserId);
        }
        try {
            handle.commit();
        } catch (UnableToRestoreAutoCommitStateException failure) {
            SqlErrors.afterCommit(failure); // the commit went through; resetting auto-commit after it failed
        } catch (Error failure) {
            rollbackAndClose(handle, failure);
            throw failure;
        } catch (RuntimeException failure) {
            rollbackAndClose(handle, failure);
            throw writes ? SqlErrors.translateAtCommit(failure, referencedUserId) : SqlErrors.translate(failure);
        }
        try {
            handle.close();
        } catch (RuntimeException failure) {
            SqlErrors.afterCommit(failure);
        }
        return result;
    }

    /**
     * Rolls back and closes, whatever {@code failure} is (an {@link Error} too), so that the connection goes back to
     * the pool with no transaction open on the server. What fails here, even an {@code Error}, is attached to
     * {@code failure}, which the caller rethrows. After an {@code Error}, a connection that no longer answers is
     * aborted first ({@link BrokenConnection}).
     */
    private static void rollbackAndClose(Handle handle, Throwable failure) {
        if (handle == null) {
            return; // not opened: nothing to roll back
        }
        if (failure instanceof Error) {
            BrokenConnection.abortIfItDoesNotAnswer(handle.getConnection(), failure);
        }
        try {
            handle.rollback();
        } catch (Throwable rollbackFailure) {
            Suppressed.attach(failure, rollbackFailure);
        }
        try {
            handle.close();
        } catch (Throwable closeFailure) {
            Suppressed.attach(failure, closeFailure);
        }
    }
}
