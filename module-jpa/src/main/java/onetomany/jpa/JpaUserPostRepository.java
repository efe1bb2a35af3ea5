package onetomany.jpa;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.FindOption;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

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
import onetomany.jpa.model.PostEntity;
import onetomany.jpa.model.UserEntity;
import org.hibernate.FlushMode;
import org.hibernate.Hibernate;
import org.hibernate.PropertyValueException;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * The contract in Hibernate ORM: entities and a unit of work, SQL written by Hibernate.
 *
 * <p>Each method is one transaction (see {@link #inTransaction}): Hibernate tracks the entities it
 * loaded and writes their changes at commit, so a write is "load, change the objects, commit". That costs a
 * select before most writes, which hand-written SQL does not need: see {@link #budget()}.
 */
public class JpaUserPostRepository implements UserPostRepository {

    /**
     * What Hibernate's own writes cost. Every write loads the entity first (1 statement), then Hibernate
     * writes what changed at commit. The user's {@code @Version} is bumped by Hibernate when the user changes; when
     * only a post does, at once: by a forced increment ({@code LockModeType.PESSIMISTIC_FORCE_INCREMENT}) after a
     * select {@code for update}, or by {@code version + 1} without a condition ({@code bumpVersion}).
     */
    static final StatementBudget BUDGET = new StatementBudget() {
        /** Select the user {@code for update}, the forced increment of his version, then the insert. */
        @Override
        public int addPost() {
            return 3;
        }

        /** Select the user with its posts, his version plus one (no condition), then the orphan's delete. */
        @Override
        public int removePost(int postsOfUser) {
            return 3;
        }

        /** Select the user {@code for update}, then the update found by dirty checking, which sets the version too. */
        @Override
        public int renameUser() {
            return 2;
        }

        /** Select the post with its author, his version plus one (no condition), then the post's update. */
        @Override
        public int editPost() {
            return 3;
        }

        /**
         * Select the user (locked, as the contract's default does), select its posts (to cascade), one delete per
         * post, then the user's delete.
         */
        @Override
        public int deleteUser(int posts) {
            return 3 + posts;
        }

        /**
         * Select the user with his posts; then, if anything changed, the user's update (the name and the version,
         * or the forced increment of the version alone); one insert per new post, at once, because IDENTITY ids
         * come from the insert itself, so Hibernate cannot batch them; then, at the flush, the posts' updates that
         * dirty checking found and the orphans' deletes, each kind JDBC batches of {@value #SAVE_BATCH_SIZE}.
         */
        @Override
        public int saveUserWithPosts(int added, int changed, int removed, boolean renamed) {
            boolean anything = added + changed + removed > 0 || renamed;
            return 1 + (anything ? 1 : 0) + added + batches(changed) + batches(removed);
        }

        private static int batches(int rows) {
            return (rows + SAVE_BATCH_SIZE - 1) / SAVE_BATCH_SIZE;
        }
    };

    /**
     * The JDBC batch size of a save's session ({@code Session.setJdbcBatchSize}, the session's own
     * {@code hibernate.jdbc.batch_size}): up to this many updates, or deletes, of one statement go to the database
     * as one batch. Set for the save only, as the loads' fetch sizes are, so that the other writes keep showing what
     * Hibernate sends without it (the cascade of a user's delete, one statement per post).
     */
    static final int SAVE_BATCH_SIZE = 50;

    /** Hibernate names an entity property; the contract names the column. */
    private static final Map<String, String> FIELDS = Map.of(
            UserEntity.class.getName() + ".name", "users.name",
            PostEntity.class.getName() + ".title", "posts.title",
            PostEntity.class.getName() + ".author", "posts.user_id");

    // tag::queries[]
    private static final String USER_WITH_POSTS = "from UserEntity u left join fetch u.posts where u.id = :id";
    private static final String ALL_USERS_WITH_POSTS = "from UserEntity u left join fetch u.posts order by u.id";
    private static final String ALL_USERS = "from UserEntity u order by u.id";
    private static final String ALL_POSTS_WITH_AUTHORS = "from UserEntity u join fetch u.posts order by u.id";
    private static final String POST_WITH_AUTHOR = "from PostEntity p join fetch p.author where p.id = :id";
    private static final String USERS_AFTER = "from UserEntity u where u.id > :after order by u.id";
    private static final String POST_SUMMARIES = """
            select new onetomany.contract.PostSummary(p.id, p.title, a.id, a.name)
            from PostEntity p join p.author a
            order by p.id""";
    // end::queries[]

    /** Rows the driver fetches per round trip when streaming: see the README, "Streaming". */
    static final int STREAM_FETCH_SIZE = 1_000;

    private final SessionFactory sessionFactory;

    public JpaUserPostRepository(DataSource dataSource) {
        // Every entity class is registered here, before the first session: an unlisted class is "not an entity".
        // Hibernate validates the mapping against the migrated schema and never creates or alters a table.
        // tag::register[]
        this.sessionFactory = new HibernatePersistenceConfiguration("one-to-many")
                .managedClasses(UserEntity.class, PostEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
        // end::register[]
    }

    @Override
    public User createUserWithPosts(NewUser newUser) {
        TextChecks.check(newUser); // before any statement: the same answer on every database
        return write(null, session -> {
            // tag::seed[]
            UserEntity user = new UserEntity(newUser.name());
            for (NewPost post : newUser.posts()) {
                user.addPost(new PostEntity(post.title(), post.content()));
            }
            // SQLAlchemy's session.add(user1): cascade = ALL persists the posts too. With IDENTITY ids each
            // insert runs at once, since only the database knows the id.
            session.persist(user);
            return user;
            // end::seed[]
        });
    }

    @Override
    public Optional<User> findUserWithPosts(long userId) {
        return read(session -> userWithPosts(session, userId).map(User.class::cast));
    }

    private static Optional<UserEntity> userWithPosts(Session session, long userId) {
        return session.createSelectionQuery(USER_WITH_POSTS, UserEntity.class)
                .setParameter("id", userId)
                .uniqueResultOptional();
    }

    @Override
    public List<User> findAllUsersWithPosts(LoadStrategy strategy) {
        return read(session -> List.copyOf(switch (strategy) {
            case JOINED -> joined(session);
            case SELECT_IN -> selectIn(session);
            case SUBQUERY -> subquery(session);
            case NAIVE -> naive(session);
        }));
    }

    /** joinedload: one statement; Hibernate folds the repeated rows into one entity per id, without "distinct". */
    // tag::joined[]
    private static List<UserEntity> joined(Session session) {
        return session.createSelectionQuery(ALL_USERS_WITH_POSTS, UserEntity.class)
                .getResultList();
    }
    // end::joined[]

    /**
     * selectinload is Hibernate's batch fetching: the first list initialized loads the posts of up to 500 users
     * whose lists are still unloaded, by their ids. Switched on for this session only (as {@code @BatchSize} on the
     * list would be for all), so that {@link #naive} still shows the N+1 problem.
     */
    // tag::select-in[]
    private static List<UserEntity> selectIn(Session session) {
        session.setFetchBatchSize(LoadStrategy.IDS_PER_STATEMENT);
        List<UserEntity> users = allUsers(session);
        users.forEach(user -> Hibernate.initialize(user.getPosts()));
        return users;
    }
    // end::select-in[]

    /**
     * subqueryload is Hibernate's subselect fetching: the first list initialized loads the posts of every user of
     * the query that loaded them, in one "where user_id in (select ...)". Also for this session only.
     */
    // tag::subquery[]
    private static List<UserEntity> subquery(Session session) {
        session.setSubselectFetchingEnabled(true);
        List<UserEntity> users = allUsers(session);
        users.forEach(user -> Hibernate.initialize(user.getPosts()));
        return users;
    }
    // end::subquery[]

    /** The N+1 problem, on purpose: each lazy list is loaded by its own select when first touched. */
    // tag::naive[]
    private static List<UserEntity> naive(Session session) {
        List<UserEntity> users = allUsers(session);
        users.forEach(user -> Hibernate.initialize(user.getPosts()));
        return users;
    }
    // end::naive[]

    private static List<UserEntity> allUsers(Session session) {
        return session.createSelectionQuery(ALL_USERS, UserEntity.class)
                .getResultList();
    }

    /**
     * yield_per: the joined query, scrolled. Hibernate folds the rows of one user into one entity (it reads one row
     * ahead to know that a user is complete); each is handed over, then detached from the session, which would
     * otherwise keep every entity it loaded. The fetch size: see the README, "Streaming".
     */
    @Override
    public void forEachUserWithPosts(Consumer<? super User> consumer) {
        Consumer<? super User> guarded = ConsumerFailure.guard(consumer);
        read(session -> {
            // tag::stream[]
            try (ScrollableResults<UserEntity> users = session
                    .createSelectionQuery(ALL_USERS_WITH_POSTS, UserEntity.class)
                    .setFetchSize(STREAM_FETCH_SIZE)
                    .scroll(ScrollMode.FORWARD_ONLY)) {
                while (users.next()) {
                    UserEntity user = users.get();
                    guarded.accept(user);
                    session.detach(user); // and with it, through cascade = ALL, its posts
                }
            }
            // end::stream[]
            return null;
        });
    }

    @Override
    public List<Post> findAllPostsWithAuthors() {
        // joinedload(Post.author), from the "one" side: "from PostEntity p join fetch p.author" would leave each
        // author's posts an unloaded list, which throws once the session is closed. Both directions load in one
        // statement, and the posts are put back in id order.
        return read(session -> session.createSelectionQuery(ALL_POSTS_WITH_AUTHORS, UserEntity.class)
                .getResultList().stream()
                .flatMap(user -> user.getPosts().stream())
                .sorted(Comparator.comparing(PostEntity::getId))
                .map(Post.class::cast)
                .toList());
    }

    /**
     * A page: the users with a limit ({@code setMaxResults}, which Hibernate writes as the dialect's
     * {@code limit}/{@code fetch first}), then their posts by batch fetching, as {@code SELECT_IN} does: the first
     * list initialized loads the lists of every user of the page in one {@code in (...)}, since the batch size is the
     * page's limit. {@code join fetch u.posts} with {@code setMaxResults} is not relied on: a limit in SQL counts
     * rows of the join, so Hibernate 7.4 moves it into a derived table of users, but drops it once the same query
     * text ran without a limit (exercise 6's {@code HibernateClaimsTest}); two statements say the same in every
     * library.
     */
    @Override
    public List<User> findUsersWithPostsPage(long afterUserId, int limit) {
        Limits.checkPage(afterUserId, limit); // before any statement: the same answer on every database
        return read(session -> {
            // tag::page[]
            session.setFetchBatchSize(limit);
            List<UserEntity> users = session.createSelectionQuery(USERS_AFTER, UserEntity.class)
                    .setParameter("after", afterUserId)
                    .setMaxResults(limit)
                    .getResultList();
            users.forEach(user -> Hibernate.initialize(user.getPosts())); // the first one loads them all
            // end::page[]
            return List.<User>copyOf(users);
        });
    }

    /**
     * A projection: {@code select new} (JPQL's constructor expression) builds a record per row; Hibernate reads
     * only the four columns, keeps no entity in the session and takes no snapshot. The price: the class's full name
     * in the query, and the query's columns kept in step with its constructor by hand (checked when the query is
     * compiled, not by the compiler).
     */
    @Override
    public List<PostSummary> findPostSummaries() {
        return read(session -> {
            // tag::summaries[]
            return session.createSelectionQuery(POST_SUMMARIES, PostSummary.class)
                    .getResultList();
            // end::summaries[]
        });
    }

    @Override
    public long addPost(Long userId, NewPost newPost) {
        TextChecks.check(newPost); // before any statement: the same answer on every database
        // The user "for update", against a concurrent deleteUser; his version bumped at once, as the root of the
        // aggregate. The add to his unloaded list loads nothing. A post without an author is refused by Hibernate
        // (optional = false), before any SQL.
        return write(userId, session -> {
            PostEntity post = new PostEntity(newPost.title(), newPost.content());
            if (userId != null) {
                UserEntity user = find(session, UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
                if (user == null) {
                    throw RepositoryException.unknownUser(userId);
                }
                session.lock(user, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                user.addPost(post);
            }
            session.persist(post);
            return post.getId();
        });
    }

    /**
     * {@code session.find} through its {@code FindOption...} overload: the older overloads return null instead of
     * throwing when the select fails in a transaction marked for rollback (HHH-12472), which would report a
     * database failure as an unknown user.
     */
    private static <T> T find(Session session, Class<T> type, Object id, FindOption... options) {
        return session.find(type, id, options);
    }

    @Override
    public void removePost(long userId, long postId) {
        write(userId, session -> {
            UserEntity user = userWithPosts(session, userId)
                    .orElseThrow(() -> RepositoryException.unknownPostOfUser(postId, userId));
            PostEntity post = user.getPosts().stream()
                    .filter(p -> p.getId() == postId)
                    .findFirst()
                    .orElseThrow(() -> RepositoryException.unknownPostOfUser(postId, userId));
            bumpVersion(session, userId); // the root's version, at once
            // tag::orphan[]
            // delete-orphan: no remove() call; orphanRemoval deletes the post that left the list at commit.
            user.removePost(post);
            // end::orphan[]
            return null;
        });
    }

    /**
     * The user's version plus one, without a condition on it, as MyBatis and Jdbi write it: the update locks his row,
     * so a concurrent write to him is waited for, never refused. A forced increment
     * ({@code LockModeType.PESSIMISTIC_FORCE_INCREMENT}) would check the version the select read, and a change
     * committed in between would make this write a {@code CONFLICT}. The post's own statement comes after this one:
     * every write locks the user's row before a post's, so two writes never wait for each other.
     */
    private static int bumpVersion(Session session, long userId) {
        return session.createMutationQuery("update UserEntity u set u.version = u.version + 1 where u.id = :id")
                .setParameter("id", userId)
                .executeUpdate();
    }

    @Override
    public void renameUser(long userId, String newName) {
        TextChecks.name(newName); // before any statement: the same answer on every database
        write(userId, session -> {
            // "for update": a concurrent write to this user waits, so the versioned update cannot miss.
            UserEntity user = find(session, UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null) {
                throw RepositoryException.unknownUser(userId);
            }
            user.setName(newName);
            return null;
        });
    }

    @Override
    public void editPost(long postId, String newTitle, String newContent) {
        TextChecks.post(newTitle, newContent); // before any statement: the same answer on every database
        // The post's user is the root of the aggregate: his version is bumped, at once, which locks his row before
        // the post's. What the select read may be gone by then: his row (0 rows bumped), or the post (the flush's
        // update matches no row, StaleStateException). Either way the post is no more: UNKNOWN_POST, not a conflict.
        write(null, session -> {
            PostEntity post = session.createSelectionQuery(POST_WITH_AUTHOR, PostEntity.class)
                    .setParameter("id", postId)
                    .uniqueResultOptional()
                    .orElseThrow(() -> RepositoryException.unknownPost(postId));
            if (bumpVersion(session, post.getAuthor().getId()) == 0) {
                throw RepositoryException.unknownPost(postId);
            }
            post.setTitle(newTitle);
            post.setContent(newContent);
            try {
                session.flush();
            } catch (OptimisticLockException | StaleStateException gone) {
                throw RepositoryException.unknownPost(postId);
            }
            return null;
        });
    }

    /**
     * Dirty checking does the diff: the draft is applied to the managed user and posts, and at the flush Hibernate
     * updates only the entities that differ from their snapshot and deletes the orphans. {@code @Version} refuses a
     * concurrent change between this load and the flush; a draft older than the load is {@link DraftDiff}'s to
     * refuse. The user's row is written first (flushed when renamed, else a forced increment), which locks it.
     */
    @Override
    public User saveUserWithPosts(UserDraft draft) {
        TextChecks.check(draft); // before any statement: the same answer on every database
        return write(draft.userId(), session -> {
            session.setJdbcBatchSize(SAVE_BATCH_SIZE);
            // tag::save[]
            UserEntity user = userWithPosts(session, draft.userId())
                    .orElseThrow(() -> RepositoryException.unknownUser(draft.userId()));
            DraftDiff diff = DraftDiff.of(user, draft); // a stale version, another user's post: refused here
            if (diff.renamed()) {
                user.setName(draft.name());
                session.flush(); // update users set name = ?, version = ? where id = ? and version = ?
            } else if (!diff.isEmpty()) {
                session.lock(user, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // update users set version = ...
            }
            Map<Long, PostEntity> stored = new HashMap<>();
            user.getPosts().forEach(post -> stored.put(post.getId(), post));
            for (PostDraft post : draft.posts()) {
                if (post.id() == null) {
                    PostEntity added = new PostEntity(post.title(), post.content());
                    user.addPost(added);
                    session.persist(added); // IDENTITY: inserted now, to learn its id
                } else {
                    PostEntity kept = stored.remove(post.id());
                    kept.setTitle(post.title()); // an equal value leaves the entity clean: no update
                    kept.setContent(post.content());
                }
            }
            stored.values().forEach(user::removePost); // orphanRemoval deletes them at the flush
            return user;
            // end::save[]
        });
    }

    @Override
    public void deleteUser(long userId) {
        write(userId, session -> {
            UserEntity user = find(session, UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null) {
                throw RepositoryException.unknownUser(userId);
            }
            // tag::delete-user[]
            // cascade = ALL: Hibernate loads the posts and deletes each one before the user.
            session.remove(user);
            // end::delete-user[]
            return null;
        });
    }

    @Override
    public StatementBudget budget() {
        return BUDGET;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }

    /**
     * One unit of work that only reads, as a read-only transaction runs in Spring: entities loaded read-only keep
     * no snapshot for dirty checking, and {@code FlushMode.MANUAL} spares the commit a walk of the persistence
     * context (see the README, "Large reads"). A change made to a loaded entity here is never written.
     */
    private <R> R read(Function<Session, R> work) {
        return inTransaction(null, false, session -> {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            return work.apply(session);
        });
    }

    /** One unit of work that writes; {@code referencedUserId} is named if the foreign key refuses it. */
    private <R> R write(Long referencedUserId, Function<Session, R> work) {
        return inTransaction(referencedUserId, true, work);
    }

    /**
     * A session and its transaction, written out rather than {@link SessionFactory#fromTransaction}, because the
     * contract needs to know where a failure happened: in the work or its flush (rolled back), in the commit
     * ({@code OUTCOME_UNKNOWN} if the connection was lost there), or after it (closing the session; the work is
     * stored). A failed rollback is attached to the first failure.
     */
    private <R> R inTransaction(Long referencedUserId, boolean writes, Function<Session, R> work) {
        Session session = null;
        CommitOutcome outcome = new CommitOutcome();
        R result;
        try {
            session = sessionFactory.openSession(); // the connection is taken from the pool at the transaction
            session.beginTransaction().registerSynchronization(outcome);
            result = work.apply(session);
            if (writes) {
                session.flush(); // the statements run here, not inside the commit
            }
        } catch (Error failure) {
            // Out of memory, a stack overflow, an assertion: released like any failure, and rethrown as it is.
            rollbackAndClose(session, failure);
            throw failure;
        } catch (RuntimeException failure) {
            rollbackAndClose(session, failure);
            ConsumerFailure.rethrowConsumersOwn(failure); // what a caller's consumer threw goes back unchanged
            throw translate(failure, referencedUserId);
        }
        try {
            session.getTransaction().commit();
        } catch (Error failure) {
            rollbackAndClose(session, failure);
            throw failure;
        } catch (RuntimeException failure) {
            if (!outcome.committed) {
                rollbackAndClose(session, failure);
                throw writes ? SqlErrors.translateAtCommit(failure, referencedUserId) : translate(failure, null);
            }
            SqlErrors.afterCommit(failure); // the commit went through; what failed came after it
        }
        try {
            session.close();
        } catch (RuntimeException failure) {
            SqlErrors.afterCommit(failure);
        }
        return result;
    }

    /**
     * Learns whether the JDBC commit went through, even when {@code commit()} throws: Hibernate tells a
     * transaction's synchronizations the outcome as soon as the connection's commit returned, before it gives the
     * connection back to the pool, which can fail on a connection the server has just ended.
     */
    private static final class CommitOutcome implements Synchronization {

        boolean committed;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            committed = status == Status.STATUS_COMMITTED;
        }
    }

    /**
     * Rolls back and closes, whatever {@code failure} is (an {@link Error} too), so that the connection goes back to
     * the pool with no transaction open on the server. What fails here, even an {@code Error}, is attached to
     * {@code failure}, which the caller rethrows. After an {@code Error}, a connection that no longer answers is
     * aborted first ({@link BrokenConnection}).
     */
    private static void rollbackAndClose(Session session, Throwable failure) {
        if (session == null) {
            return; // not opened: nothing to roll back
        }
        if (failure instanceof Error) {
            try {
                if (session.getTransaction().isActive()) { // the session holds its connection until the rollback
                    session.doWork(connection -> BrokenConnection.abortIfItDoesNotAnswer(connection, failure));
                }
            } catch (Throwable checkFailure) {
                Suppressed.attach(failure, checkFailure);
            }
        }
        try {
            if (session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
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
     * Hibernate refuses a null in a non-optional property itself, and a versioned update or delete that matched no
     * row (the version moved since the load: {@code StaleStateException}, wrapped in JPA's
     * {@code OptimisticLockException} at commit); everything else comes from the database.
     */
    private static RepositoryException translate(RuntimeException e, Long userId) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return RepositoryException.concurrentChange(userId, e);
            }
            // At commit the check's exception comes wrapped; before it (persist), it comes as it is.
            if (t instanceof PropertyValueException missing) {
                String property = missing.getEntityName() + "." + missing.getPropertyName();
                return RepositoryException.missingValue(FIELDS.getOrDefault(property, property), e);
            }
        }
        return SqlErrors.translate(e, userId);
    }
}
