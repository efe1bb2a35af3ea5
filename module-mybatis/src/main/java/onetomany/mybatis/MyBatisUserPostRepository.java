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
import onetomany.mybatis.mapper.UserPostMapper;
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
 * <p>Each method is one {@link SqlSession}, which is one transaction (no auto-commit). MyBatis tracks no object:
 * a write is the statement you wrote, so every write costs what hand-written SQL costs, the contract's default
 * {@link StatementBudget}. The relationship is the repository's job: which posts to insert with a user, which to
 * delete before it, and, where a result map cannot, which instance is whose author.
 */
public class MyBatisUserPostRepository implements UserPostRepository {

    /** Hand-written SQL costs the contract's defaults: one statement per row, a user's posts in one delete. */
    static final StatementBudget BUDGET = new StatementBudget() {
    };

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
        // Parses onetomany/mybatis/mapper/UserPostMapper.xml, found on the classpath beside the interface.
        configuration.addMapper(UserPostMapper.class);
        configuration.addInterceptor(new CloseTheStatementOfACursorThatFails());
        this.factory = new SqlSessionFactoryBuilder().build(configuration);
        // end::register[]
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        return write(null, mapper -> {
            // tag::seed[]
            UserEntity user = new UserEntity(newUser.name());
            // The seeds' session.add(user1) saves the posts too; here that cascade is this loop: the user first,
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
        return read(mapper -> Optional.ofNullable(mapper.findUserWithPosts(userId)));
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

    /**
     * joinedload: one statement; the result map folds the repeated user columns into one UserEntity per id and
     * links each post's author to it.
     */
    // tag::joined[]
    private static List<UserEntity> joined(UserPostMapper mapper) {
        return mapper.findAllUsersWithPostsJoined();
    }
    // end::joined[]

    /**
     * selectinload by hand: the users, then their posts by chunks of at most 500 user ids, each chunk one
     * {@code in (...)}, stitched by user id. A result map cannot join two statements (its {@code resultSet}
     * attribute needs one statement returning several result sets, a stored procedure), so the stitching is a loop
     * here. The chunks follow the users' order and a user's posts all come in his chunk, in id order, so each list
     * is in order. Without the chunks, 70,000 users are 70,000 parameters, which PostgreSQL refuses (at most
     * 65,535 a statement).
     */
    // tag::select-in[]
    private static List<UserEntity> selectIn(UserPostMapper mapper) {
        List<UserEntity> users = mapper.findAllUsers();
        Map<Long, UserEntity> usersById = new HashMap<>();
        users.forEach(user -> usersById.put(user.getId(), user));
        List<Long> ids = users.stream().map(UserEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += LoadStrategy.IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(from + LoadStrategy.IDS_PER_STATEMENT, ids.size()));
            for (PostEntity post : mapper.findPostsOfUsers(chunk)) {
                // post.getAuthor() is a stub holding user_id only; addPost replaces it with the loaded user.
                usersById.get(post.getAuthor().getId()).addPost(post);
            }
        }
        return users;
    }
    // end::select-in[]

    /**
     * subqueryload by hand: the users, then all their posts in one statement whose {@code in} is the users' query
     * again, stitched by user id as above. Nothing to send but the SQL; the database runs the users' query twice.
     */
    // tag::subquery[]
    private static List<UserEntity> subquery(UserPostMapper mapper) {
        List<UserEntity> users = mapper.findAllUsers();
        if (users.isEmpty()) {
            return users; // nothing to look up: the contract's one statement
        }
        Map<Long, UserEntity> usersById = new HashMap<>();
        users.forEach(user -> usersById.put(user.getId(), user));
        for (PostEntity post : mapper.findPostsOfAllUsers()) {
            usersById.get(post.getAuthor().getId()).addPost(post);
        }
        return users;
    }
    // end::subquery[]

    /**
     * The N+1 problem, on purpose: one select for the users, then MyBatis runs the result map's nested select once
     * per user. Those posts know only their user's id: point them back to him.
     */
    // tag::naive[]
    private static List<UserEntity> naive(UserPostMapper mapper) {
        List<UserEntity> users = mapper.findAllUsersThenPostsOneByOne();
        users.forEach(user -> user.getPosts().forEach(post -> post.setAuthor(user)));
        return users;
    }
    // end::naive[]

    /**
     * yield_per: the joined select through a {@link Cursor}, which maps the rows as they are read instead of into
     * a list. With {@code resultOrdered} the result map hands each user over when the next user's first row comes
     * and forgets him, so at most one user's graph is held; the select's {@code fetchSize} makes the driver stream
     * (see UserPostMapper.xml). The cursor is closed here, before the session: the session would close it too, but
     * only after giving its connection back ({@code DefaultSqlSession.close} closes the executor first), and the
     * statement, which MyBatis sets to close with its result set ({@code closeOnCompletion}), would then be closed by
     * the pool instead.
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
        // The seeds' joinedload(Post.author): one statement, posts join users. MyBatis gives each post row its own
        // author object, so two posts by one user would have two equal but distinct authors, each holding no post.
        // Keeping the first author seen per id and adding every post to it gives one shared instance whose list
        // holds exactly its posts, in id order. The alternative, reading from the user side with userWithPosts
        // and sorting the posts afterwards, would get the back-references from the result map but reorder the
        // result in Java.
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

    @Override
    public long addPost(Long userId, NewPost newPost) {
        // The user's version is bumped first, which locks his row, so that a concurrent deleteUser cannot leave this
        // post orphaned (see StatementBudget#addPost); an unknown user is found there. A null user id goes straight
        // to the insert, which the schema refuses (NOT NULL); SqlErrors reads that from the SQLException MyBatis
        // wraps.
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
        // delete-orphan: nothing loads the user's list to take the post out of it; the delete says which user. His
        // version first: the root of the aggregate.
        write(userId, mapper -> {
            if (mapper.bumpVersion(userId) == 0 || mapper.deletePostOfUser(postId, userId) == 0) {
                throw RepositoryException.unknownPostOfUser(postId, userId);
            }
            return null;
        });
    }

    @Override
    public void renameUser(long userId, String newName) {
        write(userId, mapper -> {
            if (mapper.renameUser(userId, newName) == 0) {
                throw RepositoryException.unknownUser(userId);
            }
            return null;
        });
    }

    @Override
    public void editPost(long postId, String newTitle, String newContent) {
        // The post's user is the root of the aggregate: his version is bumped first (0 rows: no such post).
        write(null, mapper -> {
            if (mapper.bumpVersionOfPostsUser(postId) == 0 || mapper.editPost(postId, newTitle, newContent) == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            return null;
        });
    }

    @Override
    public void deleteUser(long userId) {
        // cascade="all": the posts in one statement, then the user, after locking the user's row so that no post
        // can be added to him in between (see StatementBudget#deleteUser).
        write(userId, mapper -> {
            // tag::delete-user[]
            if (mapper.lockUser(userId) == null) {
                throw RepositoryException.unknownUser(userId);
            }
            mapper.deletePostsOfUser(userId);
            mapper.deleteUser(userId);
            return null;
            // end::delete-user[]
        });
    }

    /**
     * The diff by hand: MyBatis tracks nothing, so the repository loads the user with his posts, compares them with
     * the draft ({@link DraftDiff}) and sends only what differs, in a session of MyBatis's batch executor
     * ({@code ExecutorType.BATCH}): each mapper call of a write is queued, consecutive calls of one statement
     * become one JDBC batch, and {@link UserPostMapper#flush()} sends them and gives their row counts. The user's
     * row goes first and alone, its version checked in the where clause: 0 rows means a concurrent unit of work
     * changed him since the load, and nothing else is sent (the update also locks the row, so that no other write
     * of the contract can change his posts until this commits). Then the deletes, the updates and the inserts,
     * one batch each; the inserts' generated ids are set on the posts by MyBatis from the batch's generated keys
     * ({@code useGeneratedKeys} works in a batch where the driver returns every row's key, as the three here do).
     * Unchanged posts cost nothing.
     */
    @Override
    public User saveUserWithPosts(UserDraft draft) {
        return writeInBatches(draft.userId(), mapper -> {
            // tag::save[]
            UserEntity user = mapper.findUserWithPosts(draft.userId()); // a select runs at once, even here
            if (user == null) {
                throw RepositoryException.unknownUser(draft.userId());
            }
            DraftDiff diff = DraftDiff.of(user, draft); // a stale version, another user's post: refused here
            if (diff.isEmpty()) {
                return user; // nothing to write, and the version stays
            }
            mapper.updateUserOfVersion(draft.userId(), draft.name(), draft.version());
            if (rows(mapper.flush()).get(0) == 0) {
                throw RepositoryException.concurrentChange(draft.userId(), null);
            }
            diff.removed().forEach(id -> mapper.deletePostOfUser(id, draft.userId()));
            Map<Long, PostEntity> kept = new HashMap<>();
            user.getPosts().forEach(post -> kept.put(post.getId(), post));
            for (PostDraft changed : diff.changed()) {
                PostEntity post = kept.get(changed.id());
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
            for (long id : diff.removed()) {
                user.removePost(kept.get(id));
            }
            added.forEach(user::addPost);
            user.setName(draft.name());
            user.setVersion(draft.version() + 1);
            return user;
        });
    }

    /** Every row count of the batches sent, in order. */
    private static List<Integer> rows(List<BatchResult> batches) {
        List<Integer> rows = new ArrayList<>();
        batches.forEach(batch -> Arrays.stream(batch.getUpdateCounts()).forEach(rows::add));
        return rows;
    }

    /**
     * Each row of a batch must have been written once: the version-checked update before it holds the user's row,
     * so a post cannot have gone meanwhile, but a count that says otherwise is not ignored. A driver that sends a
     * batch in one go may report {@link Statement#SUCCESS_NO_INFO} instead of a count.
     */
    private static void checkRows(List<Integer> counts, long userId) {
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw RepositoryException.concurrentChange(userId, null);
            }
        }
    }

    @Override
    public StatementBudget budget() {
        return BUDGET;
    }

    /** One unit of work that only reads. */
    private <R> R read(Function<UserPostMapper, R> work) {
        return inTransaction(null, ExecutorType.SIMPLE, false, work);
    }

    /**
     * One unit of work that writes. {@code referencedUserId} is named in the message when the foreign key refuses
     * it.
     */
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
     * A session (one connection, auto-commit off), committed if the work succeeds, rolled back otherwise. MyBatis
     * wraps the driver's SQLException in a {@code PersistenceException}; SqlErrors finds it in the cause chain.
     * Where a failure happened decides what the caller is told:
     * <ul>
     * <li>in the work: rolled back, nothing written;</li>
     * <li>in the commit: if the connection was lost there, nobody knows whether the database committed
     *     ({@code OUTCOME_UNKNOWN});</li>
     * <li>after the commit (closing the session resets auto-commit and gives the connection back to the pool): the
     *     work is stored, and that failure is not the caller's. MyBatis itself only logs a failure to close.</li>
     * </ul>
     * A rollback that fails too (on a dead connection, MyBatis throws its own {@code PersistenceException}) is
     * attached to the first failure, never put in its place.
     */
    private <R> R inTransaction(Long referencedUserId, ExecutorType executor, boolean writes,
                                Function<UserPostMapper, R> work) {
        SqlSession session = factory.openSession(executor);
        R result;
        try {
            result = work.apply(session.getMapper(UserPostMapper.class));
        } catch (RuntimeException failure) {
            rollbackAndClose(session, failure);
            ConsumerFailure.rethrowConsumersOwn(failure); // what a caller's consumer threw goes back unchanged
            throw SqlErrors.translate(failure, referencedUserId);
        }
        try {
            // Forced: MyBatis commits only a session it has marked as written to ("dirty"), and a select-only unit
            // of work would otherwise end with the connection's auto-commit reset instead of a commit.
            session.commit(true);
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

    private static void rollbackAndClose(SqlSession session, RuntimeException failure) {
        try {
            // Forced, for the same reason as the commit: a plain rollback() skips a session MyBatis did not mark.
            session.rollback(true);
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
        try {
            session.close();
        } catch (RuntimeException closeFailure) {
            failure.addSuppressed(closeFailure);
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
                    failure.addSuppressed(closing);
                }
                throw failure;
            }
        }
    }
}
