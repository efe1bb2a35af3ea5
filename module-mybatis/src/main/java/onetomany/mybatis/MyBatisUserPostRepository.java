package onetomany.mybatis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

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
import onetomany.mybatis.mapper.UserPostMapper;
import onetomany.mybatis.mapper.UserPostMapper.PostRow;
import onetomany.mybatis.model.PostEntity;
import onetomany.mybatis.model.UserEntity;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The contract in MyBatis 3: SQL written by hand in {@code UserPostMapper.xml}, rows turned into objects by its
 * result maps.
 *
 * <p>Each method is one {@link SqlSession}, one transaction ({@link #inTransaction}). MyBatis tracks no object: a
 * write is the statement you wrote, so every write costs what hand-written SQL costs. The relationship is the
 * repository's job: which posts to insert with a user, which to delete before it, and, where a result map cannot,
 * which instance is whose author.
 */
public class MyBatisUserPostRepository implements UserPostRepository {

    /** Hand-written SQL costs the contract's defaults: one statement per row, a user's posts in one delete. */
    static final StatementBudget BUDGET = new StatementBudget() {
    };

    // The query texts, and the stream's fetch size, are the statements of UserPostMapper.xml, named by their ids.

    private final SqlSessionFactory factory;

    public MyBatisUserPostRepository(DataSource dataSource) {
        // No mybatis-config.xml: the same configuration in Java. The aliases must be registered before the mapper
        // XML that uses them is parsed, and the mapper before the first session: getMapper() of an unregistered
        // interface fails with "Type interface ... is not known to the MapperRegistry".
        // tag::register[]
        Configuration configuration =
                new Configuration(new Environment("default", new JdbcTransactionFactory(), dataSource));
        configuration.getTypeAliasRegistry().registerAlias(UserEntity.class);
        configuration.getTypeAliasRegistry().registerAlias(PostEntity.class);
        configuration.getTypeAliasRegistry().registerAlias(PostRow.class);
        configuration.getTypeAliasRegistry().registerAlias(PostSummary.class);
        // Parses onetomany/mybatis/mapper/UserPostMapper.xml, found on the classpath beside the interface.
        configuration.addMapper(UserPostMapper.class);
        configuration.addInterceptor(new CloseTheStatementOfACursorThatFails());
        this.factory = new SqlSessionFactoryBuilder().build(configuration);
        // end::register[]
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        TextChecks.check(newUser); // before any statement: the same answer on every database
        return write(null, mapper -> {
            // tag::seed[]
            UserEntity user = new UserEntity(newUser.name());
            // SQLAlchemy's session.add(user1) saves the posts too; here that cascade is this loop: the user first,
            // for its generated id, then one insert per post.
            mapper.insertUser(user);
            for (NewPost newPost : newUser.posts()) {
                PostEntity post = new PostEntity(newPost.title(), newPost.content());
                mapper.insertPost(post, user.getId());
                user.addPost(post);
            }
            return user;
            // end::seed[]
        });
    }

    @Override
    public Optional<User> findUserWithPosts(long userId) {
        return read(mapper -> userWithPosts(mapper, userId).map(User.class::cast));
    }

    private static Optional<UserEntity> userWithPosts(UserPostMapper mapper, long userId) {
        return Optional.ofNullable(mapper.findUserWithPosts(userId));
    }

    @Override
    public List<User> findAllUsersWithPosts(LoadStrategy strategy) {
        return read(mapper -> List.copyOf(switch (strategy) {
            case JOINED -> joined(mapper);
            case SELECT_IN -> selectIn(mapper);
            case SUBQUERY -> subquery(mapper);
            case NAIVE -> naive(mapper);
        }));
    }

    /** joinedload: one statement; the result map folds each user's repeated columns into one object. */
    // tag::joined[]
    private static List<UserEntity> joined(UserPostMapper mapper) {
        return mapper.findAllUsersWithPostsJoined();
    }
    // end::joined[]

    /**
     * selectinload by hand: the users, then their posts by chunks of at most 500 ids (one parameter per id;
     * PostgreSQL refuses more than 65,535), each post added to its user by id. A result map cannot join two
     * statements, so the stitching is Java. No user, no chunk.
     */
    // tag::select-in[]
    private static List<UserEntity> selectIn(UserPostMapper mapper) {
        List<UserEntity> users = mapper.findAllUsers();
        Map<Long, UserEntity> usersById = byId(users);
        List<Long> ids = users.stream().map(UserEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += LoadStrategy.IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(from + LoadStrategy.IDS_PER_STATEMENT, ids.size()));
            mapper.findPostsOfUsers(chunk, row -> addPostToItsUser(usersById, row.getResultObject()));
        }
        return users;
    }
    // end::select-in[]

    /** subqueryload by hand: the users, then all their posts in one statement whose {@code in} is the users' query. */
    // tag::subquery[]
    private static List<UserEntity> subquery(UserPostMapper mapper) {
        List<UserEntity> users = mapper.findAllUsers();
        if (users.isEmpty()) {
            return users; // nothing to look up: the contract's one statement
        }
        Map<Long, UserEntity> usersById = byId(users);
        mapper.findPostsOfAllUsers(row -> addPostToItsUser(usersById, row.getResultObject()));
        return users;
    }
    // end::subquery[]

    private static Map<Long, UserEntity> byId(List<UserEntity> users) {
        Map<Long, UserEntity> usersById = new HashMap<>();
        users.forEach(user -> usersById.put(user.getId(), user));
        return usersById;
    }

    /** Each post row of SELECT_IN and SUBQUERY to the user of its {@code p_user_id}. */
    private static void addPostToItsUser(Map<Long, UserEntity> usersById, PostRow row) {
        usersById.get(row.userId()).addPost(new PostEntity(row.id(), row.title(), row.content()));
    }

    /**
     * The N+1 problem, on purpose: MyBatis runs the result map's nested select once per user. Those posts know only
     * their user's id: point them back to him.
     */
    // tag::naive[]
    private static List<UserEntity> naive(UserPostMapper mapper) {
        List<UserEntity> users = mapper.findAllUsersThenPostsOneByOne();
        users.forEach(user -> user.getPosts().forEach(post -> post.setAuthor(user)));
        return users;
    }
    // end::naive[]

    /**
     * yield_per: the joined select through a {@link Cursor}; with {@code resultOrdered} the result map hands each
     * user over when the next user's first row comes. The cursor is closed here, before the session, which would
     * close it only after giving the connection back. The fetch size: see the README, "Streaming".
     */
    @Override
    public void forEachUserWithPosts(Consumer<? super User> consumer) {
        Consumer<? super User> guarded = ConsumerFailure.guard(consumer);
        read(mapper -> {
            // tag::stream[]
            try (Cursor<UserEntity> users = mapper.streamAllUsersWithPosts()) {
                users.forEach(guarded);
            } catch (IOException e) { // declared by Closeable, never thrown by MyBatis's cursor
                throw new UncheckedIOException(e);
            }
            // end::stream[]
            return null;
        });
    }

    @Override
    public List<Post> findAllPostsWithAuthors() {
        // joinedload(Post.author): one statement from the "many" side. MyBatis gives each row its own author object;
        // keeping the first one per id gives one author, shared by his posts.
        return read(mapper -> {
            // tag::posts-with-authors[]
            List<PostEntity> posts = mapper.findAllPostsWithAuthors();
            Map<Long, UserEntity> authorsById = new HashMap<>();
            for (PostEntity post : posts) {
                authorsById.computeIfAbsent(post.getAuthor().getId(), id -> post.getAuthor()).addPost(post);
            }
            // end::posts-with-authors[]
            return List.<Post>copyOf(posts);
        });
    }

    /**
     * A page: the users with a {@code limit} written in the XML ({@code findUsersAfter}), then their posts through
     * {@code SELECT_IN}'s statement, one chunk (a page holds at most 500 users), stitched by id in Java. A nested
     * result map on a join would fold whole users, but a limit on that join would count its rows: the statements
     * are two so that the database limits users.
     */
    @Override
    public List<User> findUsersWithPostsPage(long afterUserId, int limit) {
        Limits.checkPage(afterUserId, limit); // before any statement: the same answer on every database
        return read(mapper -> {
            // tag::page[]
            List<UserEntity> users = mapper.findUsersAfter(afterUserId, limit);
            if (!users.isEmpty()) { // an empty page: no in (), the contract's one statement
                Map<Long, UserEntity> usersById = byId(users);
                List<Long> ids = users.stream().map(UserEntity::getId).toList();
                mapper.findPostsOfUsers(ids, row -> addPostToItsUser(usersById, row.getResultObject()));
            }
            // end::page[]
            return List.<User>copyOf(users);
        });
    }

    /**
     * A projection: the {@code postSummary} result map builds the record through its constructor, one per row,
     * with no {@code <id>} to fold by and no graph. The price: the constructor's arguments listed in the XML in its
     * order, checked when the first row is read, not by the compiler.
     */
    @Override
    public List<PostSummary> findPostSummaries() {
        return read(UserPostMapper::findPostSummaries);
    }

    @Override
    public long addPost(Long userId, NewPost newPost) {
        TextChecks.check(newPost); // before any statement: the same answer on every database
        // The user's version first: it locks his row against a concurrent deleteUser, and finds an unknown user.
        // A null user id goes straight to the insert, which the schema refuses (NOT NULL).
        return write(userId, mapper -> {
            if (userId != null && mapper.bumpVersion(userId) == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            PostEntity post = new PostEntity(newPost.title(), newPost.content());
            mapper.insertPost(post, userId);
            return post.getId();
        });
    }

    @Override
    public void removePost(long userId, long postId) {
        // delete-orphan: removing the post is deleting its row, "of this user"; his version first.
        write(userId, mapper -> {
            if (mapper.bumpVersion(userId) == 0 || mapper.deletePostOfUser(postId, userId) == 0) {
                throw RepositoryException.unknownPostOfUser(postId, userId);
            }
            return null;
        });
    }

    @Override
    public void renameUser(long userId, String newName) {
        TextChecks.name(newName); // before any statement: the same answer on every database
        write(userId, mapper -> {
            if (mapper.renameUser(userId, newName) == 0) {
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
        write(null, mapper -> {
            Long userId = mapper.userOfPost(postId);
            if (userId == null || mapper.bumpVersion(userId) == 0
                    || mapper.editPost(postId, userId, newTitle, newContent) == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            return null;
        });
    }

    /**
     * The diff by hand ({@link DraftDiff}), in a session of MyBatis's batch executor: consecutive calls of one
     * statement become one JDBC batch, sent by {@link UserPostMapper#flush()}. The user's row first and alone, its
     * version checked in the where clause (0 rows: a concurrent change; the update also locks the row), then the
     * deletes, the updates and the inserts, whose ids MyBatis sets from the batch's generated keys. Unchanged posts
     * cost nothing.
     */
    @Override
    public User saveUserWithPosts(UserDraft draft) {
        TextChecks.check(draft); // before any statement: the same answer on every database
        return writeInBatches(draft.userId(), mapper -> {
            // tag::save[]
            UserEntity user = userWithPosts(mapper, draft.userId()) // a select runs at once, even here
                    .orElseThrow(() -> RepositoryException.unknownUser(draft.userId()));
            DraftDiff diff = DraftDiff.of(user, draft); // a stale version, another user's post: refused here
            if (diff.isEmpty()) {
                return user; // nothing to write, and the version stays
            }
            mapper.updateUserOfVersion(draft.userId(), draft.name(), draft.version());
            if (rows(mapper.flush()).get(0) == 0) {
                throw RepositoryException.concurrentChange(draft.userId(), null);
            }
            diff.removed().forEach(id -> mapper.deletePostOfUser(id, draft.userId()));
            Map<Long, PostEntity> postsById = new HashMap<>();
            user.getPosts().forEach(post -> postsById.put(post.getId(), post));
            for (PostDraft changed : diff.changed()) {
                PostEntity post = postsById.get(changed.id()); // the statement reads the post it updates
                post.setTitle(changed.title());
                post.setContent(changed.content());
                mapper.editPostOfUser(post, draft.userId());
            }
            List<PostEntity> added = new ArrayList<>();
            for (PostDraft newPost : diff.added()) {
                PostEntity post = new PostEntity(newPost.title(), newPost.content());
                mapper.insertPost(post, draft.userId()); // its id is set when the batch is sent
                added.add(post);
            }
            checkRows(rows(mapper.flush()), draft.userId());
            // end::save[]
            return saved(user, draft, diff, added);
        });
    }

    /** The loaded user, changed to what was written (his edited posts already are): nothing is read again. */
    private static UserEntity saved(UserEntity user, UserDraft draft, DraftDiff diff, List<PostEntity> added) {
        user.getPosts().stream().filter(post -> diff.removed().contains(post.getId())).toList()
                .forEach(user::removePost);
        added.forEach(user::addPost);
        user.setName(draft.name());
        user.setVersion(user.getVersion() + 1);
        return user;
    }

    /** Every row count of the batches sent, in order. */
    private static List<Integer> rows(List<BatchResult> batches) {
        List<Integer> rows = new ArrayList<>();
        batches.forEach(batch -> Arrays.stream(batch.getUpdateCounts()).forEach(rows::add));
        return rows;
    }

    /**
     * Each row of a batch written once: the version-checked update before it holds the user's row, but a count
     * that says otherwise is not ignored. A driver may report {@link Statement#SUCCESS_NO_INFO} instead.
     */
    private static void checkRows(List<Integer> counts, long userId) {
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
        write(userId, mapper -> {
            // tag::delete-user[]
            if (mapper.lockUser(userId) == null) {
                throw RepositoryException.unknownUser(userId);
            }
            mapper.deletePostsOfUser(userId);
            mapper.deleteUser(userId);
            // end::delete-user[]
            return null;
        });
    }

    @Override
    public StatementBudget budget() {
        return BUDGET;
    }

    /** One unit of work that only reads. */
    private <R> R read(Function<UserPostMapper, R> work) {
        return inTransaction(null, ExecutorType.SIMPLE, false, work);
    }

    /** One unit of work that writes; {@code referencedUserId} is named if the foreign key refuses it. */
    private <R> R write(Long referencedUserId, Function<UserPostMapper, R> work) {
        return inTransaction(referencedUserId, ExecutorType.SIMPLE, true, work);
    }

    /**
     * One unit of work that writes through MyBatis's batch executor: its writes are queued until
     * {@link UserPostMapper#flush()} (or the commit) sends them as JDBC batches; a select runs at once.
     */
    private <R> R writeInBatches(Long referencedUserId, Function<UserPostMapper, R> work) {
        return inTransaction(referencedUserId, ExecutorType.BATCH, true, work);
    }

    /**
     * A session (one connection, auto-commit off) and its transaction. Where a failure happened decides what the
     * caller is told: in the work (rolled back), in the commit ({@code OUTCOME_UNKNOWN} if the connection was lost
     * there), or after it (closing the session; the work is stored). MyBatis wraps the driver's SQLException in a
     * {@code PersistenceException}, which {@link SqlErrors} looks through. A failed rollback is attached to the
     * first failure.
     */
    private <R> R inTransaction(Long referencedUserId, ExecutorType executor, boolean writes,
                                Function<UserPostMapper, R> work) {
        SqlSession session = null;
        R result;
        try {
            session = factory.openSession(executor); // the connection is taken from the pool at the first statement
            result = work.apply(session.getMapper(UserPostMapper.class));
        } catch (Error failure) {
            // Out of memory, a stack overflow, an assertion: released like any failure, and rethrown as it is.
            rollbackAndClose(session, failure);
            throw failure;
        } catch (RuntimeException failure) {
            rollbackAndClose(session, failure);
            ConsumerFailure.rethrowConsumersOwn(failure); // what a caller's consumer threw goes back unchanged
            throw SqlErrors.translate(failure, referencedUserId);
        }
        try {
            // Forced: MyBatis commits only a session it has marked as written to ("dirty").
            session.commit(true);
        } catch (Error failure) {
            rollbackAndClose(session, failure);
            throw failure;
        } catch (RuntimeException failure) {
            rollbackAndClose(session, failure);
            throw writes ? SqlErrors.translateAtCommit(failure, referencedUserId) : SqlErrors.translate(failure);
        }
        try {
            session.close();
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
    private static void rollbackAndClose(SqlSession session, Throwable failure) {
        if (session == null) {
            return; // not opened: nothing to roll back
        }
        if (failure instanceof Error) {
            try {
                BrokenConnection.abortIfItDoesNotAnswer(session.getConnection(), failure);
            } catch (Throwable checkFailure) {
                Suppressed.attach(failure, checkFailure);
            }
        }
        try {
            session.rollback(true); // forced, as the commit is
        } catch (Throwable rollbackFailure) {
            Suppressed.attach(failure, rollbackFailure);
        }
        try {
            session.close();
        } catch (Throwable closeFailure) {
            Suppressed.attach(failure, closeFailure);
        }
    }

    /**
     * A MyBatis plugin around the statement handler's {@code queryCursor}: when the query of a {@link Cursor} fails
     * (the database refuses it), MyBatis 3.5.19 leaves its statement open ({@code SimpleExecutor.doQueryCursor} sets
     * it to close with its result set, and there is none), and only the pool closes it, with the connection. This
     * closes it at once. Lists are not concerned: {@code doQuery} closes its statement in a finally block.
     */
    @Intercepts(@Signature(type = StatementHandler.class, method = "queryCursor", args = Statement.class))
    private static final class CloseTheStatementOfACursorThatFails implements Interceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            try {
                return invocation.proceed();
            } catch (Throwable failure) {
                try {
                    ((Statement) invocation.getArgs()[0]).close();
                } catch (java.sql.SQLException closing) {
                    Suppressed.attach(failure, closing);
                }
                throw failure;
            }
        }
    }
}
