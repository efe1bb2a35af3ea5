package onetomany.jdbi;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.RepositoryException;
import onetomany.contract.StatementBudget;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserDraft.PostDraft;
import onetomany.contract.UserPostRepository;
import onetomany.unitofwork.ConsumerFailure;
import onetomany.unitofwork.DraftDiff;
import onetomany.sql.SqlErrors;
import onetomany.jdbi.model.PostEntity;
import onetomany.jdbi.model.UserEntity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.qualifier.QualifiedType;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.UnableToRestoreAutoCommitStateException;

/**
 * The contract in Jdbi 3 core: every statement written here by hand, rows turned into objects by row mappers,
 * the rows of a join folded into a graph by a row reducer.
 *
 * <p>Jdbi has no session, no entity state and no relationship mapping: each method opens one handle in one
 * transaction ({@link Jdbi#inTransaction}), sends exactly the SQL below, and links {@code user.posts} and
 * {@code post.author} itself. Nothing is loaded before a write (but the save of a draft, which needs what is stored
 * to compare with), so each write costs one statement per row (the contract's default budget), and a missing row shows as "0 rows updated", on which the method throws inside the
 * transaction, and Jdbi rolls it back. The database checks every value (not null, lengths, the foreign key);
 * Jdbi wraps its refusal in an {@code UnableToExecuteStatementException}, which {@link SqlErrors} translates.
 */
public class JdbiUserPostRepository implements UserPostRepository {

    /** Hand-written SQL costs the contract's defaults: one statement per row, a user's posts in one delete. */
    static final StatementBudget BUDGET = new StatementBudget() {
    };

    /**
     * The type of an id column, for {@code RowView.getColumn} in the reducers. {@code getColumn("u_id", Long.class)}
     * is the same, but builds a new {@code QualifiedType} for every call to look its column mapper up with: two per
     * row of a join, most of what Jdbi allocated beyond JDBC by hand (seen with JFR, see the README's benchmarks).
     */
    private static final QualifiedType<Long> ID = QualifiedType.of(Long.class);

    /** Rows the driver fetches per round trip when streaming (see {@link #forEachUserWithPosts}). */
    static final int STREAM_FETCH_SIZE = 1_000;

    private final Jdbi jdbi;

    public JdbiUserPostRepository(DataSource dataSource) {
        // Jdbi looks a mapper up by the type a query asks for, so both are registered here, on the Jdbi, for every
        // handle it opens. A forgotten one is a NoSuchMapperException: from mapTo before any SQL is sent, but from
        // a reducer's RowView.getRow only once a row needs it (a user without posts never asks for a PostEntity).
        // tag::register[]
        this.jdbi = Jdbi.create(dataSource)
                .registerRowMapper(UserEntity.class, UserPostRowMappers.user())
                .registerRowMapper(PostEntity.class, UserPostRowMappers.post());
        // end::register[]
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        // The seeds' session.add(user1) cascading to the posts, spelled out: the user's insert first, since each
        // post needs its generated id, then one insert per post. A PreparedBatch would send the posts as one JDBC
        // batch; one insert per post is what the contract's default budget counts.
        return write(null, handle -> {
            // tag::seed[]
            long userId = handle.createUpdate("insert into users (name) values (:name)")
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

    @Override
    public Optional<User> findUserWithPosts(long userId) {
        return read(handle -> userWithPosts(handle, userId).map(User.class::cast));
    }

    /** users left join posts for one user, folded into one user with his posts in id order. */
    private static Optional<UserEntity> userWithPosts(Handle handle, long userId) {
        return handle.createQuery("""
                        select u.id u_id, u.name u_name, u.version u_version,
                               p.id p_id, p.title p_title, p.content p_content
                        from users u
                        left join posts p on p.user_id = u.id
                        where u.id = :id
                        order by p.id""")
                .bind("id", userId)
                .reduceRows(JdbiUserPostRepository::foldUserRow)
                .findFirst();
    }

    @Override
    public List<User> findAllUsersWithPosts(LoadStrategy strategy) {
        return read(handle -> List.copyOf(switch (strategy) {
            case JOINED -> joined(handle);
            case SELECT_IN -> selectIn(handle);
            case SUBQUERY -> subquery(handle);
            case NAIVE -> naive(handle);
        }));
    }

    /**
     * joinedload: one statement, each user's columns repeated on every one of its posts' rows; the reducer folds
     * them back into one object per user (the seeds' {@code .unique()}).
     */
    // tag::joined[]
    private static List<UserEntity> joined(Handle handle) {
        return handle.createQuery("""
                        select u.id u_id, u.name u_name, u.version u_version,
                               p.id p_id, p.title p_title, p.content p_content
                        from users u
                        left join posts p on p.user_id = u.id
                        order by u.id, p.id""")
                .reduceRows(JdbiUserPostRepository::foldUserRow)
                .toList();
    }
    // end::joined[]

    /**
     * The row reducer of the joined queries, the pattern of Jdbi's docs: {@code reduceRows} hands every row to it
     * with a {@link LinkedHashMap}, which keeps one object per user id (a user's columns are mapped on its first
     * row only) and the users in the order of the query. Each row's post, if any, is added to that very object,
     * which also makes it the post's author.
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

    /**
     * selectinload: the users, then their posts by chunks of at most 500 user ids, each chunk one
     * {@code where user_id in (...)}, added to their user by id. No column travels twice; {@code bindList} expands
     * a chunk into one parameter per user. The chunks keep a statement within what the database accepts
     * (PostgreSQL refuses more than 65,535 parameters); with no user there is no chunk, and {@code in ()} is not
     * SQL anyway: one statement.
     */
    // tag::select-in[]
    private static List<UserEntity> selectIn(Handle handle) {
        Map<Long, UserEntity> usersById = new LinkedHashMap<>();
        allUsers(handle).forEach(user -> usersById.put(user.getId(), user));
        List<Long> ids = List.copyOf(usersById.keySet());
        for (int from = 0; from < ids.size(); from += LoadStrategy.IDS_PER_STATEMENT) {
            handle.createQuery("""
                            select p.id p_id, p.title p_title, p.content p_content, p.user_id p_user_id
                            from posts p
                            where p.user_id in (<userIds>)
                            order by p.id""")
                    .bindList("userIds", ids.subList(from, Math.min(from + LoadStrategy.IDS_PER_STATEMENT, ids.size())))
                    .reduceRows(usersById, JdbiUserPostRepository::addPostToItsUser);
        }
        return List.copyOf(usersById.values());
    }
    // end::select-in[]

    /**
     * subqueryload: the users, then the posts of all of them in one statement whose {@code in} runs the users' query
     * again, as a subquery; nothing is bound. With no user there is nothing to look up: one statement.
     */
    // tag::subquery[]
    private static List<UserEntity> subquery(Handle handle) {
        Map<Long, UserEntity> usersById = new LinkedHashMap<>();
        allUsers(handle).forEach(user -> usersById.put(user.getId(), user));
        if (usersById.isEmpty()) {
            return List.of(); // nothing to look up: the contract's one statement
        }
        return List.copyOf(handle.createQuery("""
                        select p.id p_id, p.title p_title, p.content p_content, p.user_id p_user_id
                        from posts p
                        where p.user_id in (select u.id from users u)
                        order by p.id""")
                .reduceRows(usersById, JdbiUserPostRepository::addPostToItsUser)
                .values());
    }
    // end::subquery[]

    /** The reducer of SELECT_IN and SUBQUERY: each post row to the user of its {@code p_user_id}. */
    private static Map<Long, UserEntity> addPostToItsUser(Map<Long, UserEntity> users, RowView row) {
        users.get(row.getColumn("p_user_id", ID)).addPost(row.getRow(PostEntity.class));
        return users;
    }

    /**
     * The N+1 problem, kept on purpose: one query for the users, then one more for each user's posts. Jdbi
     * never loads lazily, so here the loop is in plain sight; in an ORM it hides behind {@code user.getPosts()}.
     */
    // tag::naive[]
    private static List<UserEntity> naive(Handle handle) {
        List<UserEntity> users = allUsers(handle);
        for (UserEntity user : users) {
            handle.createQuery("""
                            select p.id p_id, p.title p_title, p.content p_content
                            from posts p
                            where p.user_id = :userId
                            order by p.id""")
                    .bind("userId", user.getId())
                    .mapTo(PostEntity.class)
                    .forEach(user::addPost);
        }
        return users;
    }
    // end::naive[]

    /**
     * yield_per: the joined query as a {@link org.jdbi.v3.core.result.ResultIterable}, read row by row instead of
     * reduced into a map (a reducer sees every row before it returns anything). Each row is mapped to its user and
     * post; consecutive rows of one user (the query orders by user id) are folded into one user, handed over when
     * the next user's first row comes. The fetch size makes the driver stream: PostgreSQL uses a cursor for it
     * (inside a transaction, which this is), MariaDB reads that many rows at a time instead of all of them, H2 (over
     * TCP) fetches that many per round trip. {@code forEach} closes the iterator, and so the statement, even when
     * the consumer throws; the handle is closed with the transaction.
     */
    @Override
    public void forEachUserWithPosts(Consumer<? super User> consumer) {
        Consumer<? super User> guarded = ConsumerFailure.guard(consumer);
        read(handle -> {
            // tag::stream[]
            UserFolder folder = new UserFolder(guarded);
            handle.createQuery("""
                            select u.id u_id, u.name u_name, u.version u_version,
                               p.id p_id, p.title p_title, p.content p_content
                            from users u
                            left join posts p on p.user_id = u.id
                            order by u.id, p.id""")
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

    private static List<UserEntity> allUsers(Handle handle) {
        return handle.createQuery("select u.id u_id, u.name u_name, u.version u_version from users u order by u.id")
                .mapTo(UserEntity.class)
                .list();
    }

    @Override
    public List<Post> findAllPostsWithAuthors() {
        // joinedload(Post.author): one statement from the "many" side. Authors are shared through a map by id,
        // so two posts by one user get one author, whose list then holds exactly its posts, in post id order.
        return read(handle -> {
            Map<Long, UserEntity> authors = new HashMap<>();
            return List.copyOf(handle.createQuery("""
                            select p.id p_id, p.title p_title, p.content p_content,
                                   u.id u_id, u.name u_name, u.version u_version
                            from posts p
                            join users u on u.id = p.user_id
                            order by p.id""")
                    .reduceRows(new ArrayList<Post>(), (posts, row) -> {
                        UserEntity author = authors.computeIfAbsent(row.getColumn("u_id", ID),
                                id -> row.getRow(UserEntity.class));
                        PostEntity post = row.getRow(PostEntity.class);
                        author.addPost(post);
                        posts.add(post);
                        return posts;
                    }));
        });
    }

    @Override
    public long addPost(Long userId, NewPost newPost) {
        // The user's version is bumped first, which locks his row, so that a concurrent deleteUser cannot leave this
        // post orphaned (see StatementBudget#addPost); an unknown user is found there. A null user id goes straight
        // to the insert, which the schema refuses (NOT NULL).
        return write(userId, handle -> {
            if (userId != null && bumpVersion(handle, userId) == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            return insertPost(handle, userId, newPost);
        });
    }

    // tag::insert-post[]
    private static long insertPost(Handle handle, Long userId, NewPost post) {
        return handle.createUpdate("insert into posts (title, content, user_id) values (:title, :content, :userId)")
                .bind("title", post.title())
                .bind("content", post.content())
                .bind("userId", userId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }
    // end::insert-post[]

    @Override
    public void removePost(long userId, long postId) {
        // delete-orphan: there is no list to remove the post from, so removing it is deleting its row. The user
        // id in the where clause makes it "a post of this user". His version first: the root of the aggregate.
        write(userId, handle -> {
            if (bumpVersion(handle, userId) == 0) {
                throw RepositoryException.unknownPostOfUser(postId, userId);
            }
            // tag::orphan[]
            int deleted = handle.createUpdate("delete from posts where id = :postId and user_id = :userId")
                    .bind("postId", postId)
                    .bind("userId", userId)
                    .execute();
            // end::orphan[]
            if (deleted == 0) {
                throw RepositoryException.unknownPostOfUser(postId, userId);
            }
            return null;
        });
    }

    @Override
    public void renameUser(long userId, String newName) {
        write(userId, handle -> {
            int updated = handle.createUpdate("update users set name = :name, version = version + 1 where id = :id")
                    .bind("name", newName)
                    .bind("id", userId)
                    .execute();
            if (updated == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            return null;
        });
    }

    @Override
    public void editPost(long postId, String newTitle, String newContent) {
        write(null, handle -> {
            // The post's user is the root of the aggregate: his version is bumped first (0 rows: no such post).
            if (handle.createUpdate("""
                            update users set version = version + 1
                            where id = (select p.user_id from posts p where p.id = :postId)""")
                    .bind("postId", postId)
                    .execute() == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            int updated = handle.createUpdate("update posts set title = :title, content = :content where id = :id")
                    .bind("title", newTitle)
                    .bind("content", newContent)
                    .bind("id", postId)
                    .execute();
            if (updated == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            return null;
        });
    }

    @Override
    public void deleteUser(long userId) {
        // cascade="all": the posts first, all in one statement, or the foreign key refuses the user's delete; the
        // user's row locked before, so that no post can be added to him in between (StatementBudget#deleteUser).
        write(userId, handle -> {
            // tag::delete-user[]
            if (lockUser(handle, userId).isEmpty()) {
                throw RepositoryException.unknownUser(userId);
            }
            handle.createUpdate("delete from posts where user_id = :userId")
                    .bind("userId", userId)
                    .execute();
            handle.createUpdate("delete from users where id = :userId")
                    .bind("userId", userId)
                    .execute();
            // end::delete-user[]
            return null;
        });
    }

    /**
     * The diff by hand: Jdbi tracks nothing, so the repository loads the user with his posts, compares them with
     * the draft ({@link DraftDiff}) and sends only what differs. The user's row first, its version checked in the
     * update's where clause: 0 rows means that a concurrent unit of work changed him since the load, and nothing
     * is written (the version bump also locks the row, so that no other write of the contract can change his posts
     * until this commits). Then each kind of post change as one {@link PreparedBatch}, one JDBC batch: the
     * deletes, the updates, the inserts, whose generated ids Jdbi reads back from the batch
     * ({@code executePreparedBatch("id")}, which every driver here supports). Unchanged posts cost nothing.
     */
    @Override
    public User saveUserWithPosts(UserDraft draft) {
        return write(draft.userId(), handle -> {
            // tag::save[]
            UserEntity user = userWithPosts(handle, draft.userId())
                    .orElseThrow(() -> RepositoryException.unknownUser(draft.userId()));
            DraftDiff diff = DraftDiff.of(user, draft); // a stale version, another user's post: refused here
            if (diff.isEmpty()) {
                return user; // nothing to write, and the version stays
            }
            int updated = handle.createUpdate("""
                            update users set name = :name, version = version + 1
                            where id = :id and version = :version""")
                    .bind("name", draft.name())
                    .bind("id", draft.userId())
                    .bind("version", draft.version())
                    .execute();
            if (updated == 0) {
                throw RepositoryException.concurrentChange(draft.userId(), null);
            }
            if (!diff.removed().isEmpty()) {
                PreparedBatch deletes = handle.prepareBatch("delete from posts where id = :id and user_id = :userId");
                diff.removed().forEach(id -> deletes.bind("id", id).bind("userId", draft.userId()).add());
                checkRows(deletes.execute(), draft.userId());
            }
            if (!diff.changed().isEmpty()) {
                PreparedBatch updates = handle.prepareBatch("""
                        update posts set title = :title, content = :content where id = :id and user_id = :userId""");
                diff.changed().forEach(post -> updates.bind("title", post.title()).bind("content", post.content())
                        .bind("id", post.id()).bind("userId", draft.userId()).add());
                checkRows(updates.execute(), draft.userId());
            }
            List<Long> addedIds = List.of();
            if (!diff.added().isEmpty()) {
                PreparedBatch inserts = handle.prepareBatch(
                        "insert into posts (title, content, user_id) values (:title, :content, :userId)");
                diff.added().forEach(post -> inserts.bind("title", post.title()).bind("content", post.content())
                        .bind("userId", draft.userId()).add());
                addedIds = inserts.executePreparedBatch("id").mapTo(Long.class).list();
            }
            // end::save[]
            return saved(draft, diff, user, addedIds);
        });
    }

    /** The saved graph, from what was loaded and what was written: nothing is read again. */
    private static UserEntity saved(UserDraft draft, DraftDiff diff, UserEntity stored, List<Long> addedIds) {
        UserEntity user = new UserEntity(draft.userId(), draft.name(), stored.getVersion() + 1);
        Map<Long, PostDraft> changed = new HashMap<>();
        diff.changed().forEach(post -> changed.put(post.id(), post));
        for (PostEntity post : stored.getPosts()) {
            if (!diff.removed().contains(post.getId())) {
                PostDraft now = changed.get(post.getId());
                user.addPost(now == null ? new PostEntity(post.getId(), post.getTitle(), post.getContent())
                        : new PostEntity(post.getId(), now.title(), now.content()));
            }
        }
        for (int i = 0; i < addedIds.size(); i++) {
            PostDraft post = diff.added().get(i);
            user.addPost(new PostEntity(addedIds.get(i), post.title(), post.content()));
        }
        return user;
    }

    /**
     * Each row of a batch must have been written once: the version-checked update before it holds the user's row,
     * so a post cannot have gone meanwhile, but a count that says otherwise is not ignored. A driver that sends a
     * batch in one go may report {@link Statement#SUCCESS_NO_INFO} instead of a count.
     */
    private static void checkRows(int[] counts, long userId) {
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw RepositoryException.concurrentChange(userId, null);
            }
        }
    }

    /** Bumps a user's version, which also holds his row until the transaction ends; 0 when there is no such user. */
    private static int bumpVersion(Handle handle, long userId) {
        return handle.createUpdate("update users set version = version + 1 where id = :id")
                .bind("id", userId)
                .execute();
    }

    /** Holds a user's row until the transaction ends; empty when there is no such user. */
    private static Optional<Long> lockUser(Handle handle, long userId) {
        return handle.createQuery("select id from users where id = :id for update")
                .bind("id", userId)
                .mapTo(Long.class)
                .findOne();
    }

    @Override
    public StatementBudget budget() {
        return BUDGET;
    }

    // close(): the default. A Jdbi holds no resource of its own: each handle is closed at the end of its
    // transaction, and the DataSource belongs to the caller.

    /** One unit of work that only reads. */
    private <R> R read(HandleCallback<R, RuntimeException> work) {
        return inTransaction(null, false, work);
    }

    /**
     * One unit of work that writes.
     *
     * @param referencedUserId the user id the statements refer to through the foreign key, named if it refuses it
     */
    private <R> R write(Long referencedUserId, HandleCallback<R, RuntimeException> work) {
        return inTransaction(referencedUserId, true, work);
    }

    /**
     * A handle and its transaction, written out rather than {@code jdbi.inTransaction}, because the contract needs
     * to know where a failure happened:
     * <ul>
     * <li>in the work: rolled back, nothing written;</li>
     * <li>in the commit: if the connection was lost there, nobody knows whether the database committed
     *     ({@code OUTCOME_UNKNOWN});</li>
     * <li>after the commit: the work is stored, and that failure is not the caller's. Jdbi's {@code commit()}
     *     restores the connection's auto-commit right after the JDBC commit returned, and reports a failure to do
     *     so as {@link UnableToRestoreAutoCommitStateException}; closing the handle gives the connection back to
     *     the pool, which resets it too.</li>
     * </ul>
     * A rollback that fails too (on a dead connection) is attached to the first failure, never put in its place.
     */
    private <R> R inTransaction(Long referencedUserId, boolean writes, HandleCallback<R, RuntimeException> work) {
        Handle handle;
        try {
            handle = jdbi.open(); // Jdbi takes the connection from the pool here
        } catch (RuntimeException failure) {
            throw SqlErrors.translate(failure, referencedUserId);
        }
        R result;
        try {
            handle.begin();
            result = work.withHandle(handle);
        } catch (RuntimeException failure) {
            rollbackAndClose(handle, failure);
            ConsumerFailure.rethrowConsumersOwn(failure); // what a caller's consumer threw goes back unchanged
            throw SqlErrors.translate(failure, referencedUserId);
        }
        try {
            handle.commit();
        } catch (UnableToRestoreAutoCommitStateException failure) {
            SqlErrors.afterCommit(failure); // the commit went through; resetting auto-commit after it failed
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

    private static void rollbackAndClose(Handle handle, RuntimeException failure) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
        try {
            handle.close();
        } catch (RuntimeException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }
}
