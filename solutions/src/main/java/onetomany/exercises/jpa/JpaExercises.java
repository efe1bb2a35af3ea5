package onetomany.exercises.jpa;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.User;
import onetomany.exercises.contract.Comment;
import onetomany.exercises.contract.CommentedPost;
import onetomany.exercises.contract.CommentedUser;
import onetomany.exercises.contract.Exercises;
import onetomany.exercises.contract.PostCount;
import onetomany.exercises.contract.DraftRefused;
import onetomany.exercises.contract.CommentDraft;
import onetomany.exercises.contract.VersionedPost;
import onetomany.exercises.contract.PostDraft;
import onetomany.exercises.jpa.model.CommentEntity;
import onetomany.exercises.jpa.model.PostEntity;
import onetomany.exercises.jpa.model.UserEntity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * The exercises in Hibernate ORM. Each method is one transaction ({@link SessionFactory#fromTransaction}); the
 * pattern of every one of them is in {@code module-jpa}'s {@code JpaUserPostRepository}.
 */
public class JpaExercises implements Exercises {

    private final SessionFactory sessionFactory;

    public JpaExercises(DataSource dataSource) {
        this.sessionFactory = new HibernatePersistenceConfiguration("exercises")
                .managedClasses(UserEntity.class, PostEntity.class, CommentEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                // catch-up ex9 {
                // Exercise 9: inserts, updates and deletes of one table go in JDBC batches of up to 1000 rows.
                // Off by default. It batches only what Hibernate may delay, which rules out IDENTITY inserts.
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 1000)
                // catch-up }
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
    }

    // 1. Map comments -----------------------------------------------------------------------------------------

    @Override
    public long addComment(long postId, String body) {
        // catch-up ex1 {
        // getReference: a proxy holding the id, no select. The comment's post_id is all the insert needs.
        return inTransaction(session -> {
            CommentEntity comment = new CommentEntity(session.getReference(PostEntity.class, postId), body);
            session.persist(comment);
            return comment.getId();
        });
        // catch-up }
    }

    @Override
    public Optional<Comment> findComment(long commentId) {
        // catch-up ex1 {
        // One join: the comment, its post, and the post's comments. The persistence context holds one instance per
        // id, so the comment found is the very one in post.comments. The join repeats the comment on every row of
        // its siblings, and Hibernate returns it once: a fetch join's repeated root is folded, so the result is unique.
        return inTransaction(session -> session.createSelectionQuery("""
                        from CommentEntity c join fetch c.post p left join fetch p.comments
                        where c.id = :id""", CommentEntity.class)
                .setParameter("id", commentId)
                .uniqueResultOptional()
                .map(Comment.class::cast));
        // catch-up }
    }

    // 2. Load comments ----------------------------------------------------------------------------------------

    @Override
    public Optional<CommentedPost> findPostWithComments(long postId) {
        // catch-up ex2 {
        return inTransaction(session -> session.createSelectionQuery(
                        "from PostEntity p left join fetch p.comments where p.id = :id", PostEntity.class)
                .setParameter("id", postId)
                .uniqueResultOptional()
                .map(CommentedPost.class::cast));
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsJoined() {
        // catch-up ex2 {
        return inTransaction(session -> List.copyOf(session.createSelectionQuery(
                "from PostEntity p left join fetch p.comments order by p.id", PostEntity.class).getResultList()));
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsSelectIn() {
        // catch-up ex2 {
        // Batch fetching, as module-jpa's SELECT_IN (SQLAlchemy's selectinload): the first collection initialised
        // loads the comments of up to 500 posts of the session at once, "where post_id in (?, ...)", the next one
        // not yet loaded the next 500. Switched on for this session only, so that a lazy loop elsewhere still shows
        // N+1. A @BatchSize on the mapping wins over the session's size: PostEntity's is 500 too.
        return inTransaction(session -> {
            session.setFetchBatchSize(POST_IDS_PER_STATEMENT);
            List<PostEntity> posts = session.createSelectionQuery("from PostEntity p order by p.id", PostEntity.class)
                    .getResultList();
            posts.forEach(post -> Hibernate.initialize(post.getComments()));
            return List.copyOf(posts);
        });
        // catch-up }
    }

    // 3. Three levels -----------------------------------------------------------------------------------------

    @Override
    public List<CommentedUser> findAllUsersWithPostsAndComments() {
        // catch-up ex3 {
        // Fetching u.posts and p.comments in one query is two bags at once: MultipleBagFetchException. (With Sets it
        // works, and it is no Cartesian product: a chain has one row per comment.) Two queries instead: the second
        // fetches the comments of the very post instances the first one loaded, since the persistence context has
        // one instance per id; only the posts of the users just read.
        return inTransaction(session -> {
            List<UserEntity> users = session.createSelectionQuery(
                    "from UserEntity u left join fetch u.posts order by u.id", UserEntity.class).getResultList();
            if (!users.isEmpty()) {
                session.createSelectionQuery(
                                "from PostEntity p left join fetch p.comments where p.author.id in :ids",
                                PostEntity.class)
                        .setParameter("ids", users.stream().map(UserEntity::getId).toList())
                        .getResultList();
            }
            return List.copyOf(users);
        });
        // catch-up }
    }

    // 4. Cascade ----------------------------------------------------------------------------------------------

    @Override
    public void deleteUser(long userId) {
        // catch-up ex4 {
        // cascade = ALL on user.posts and on post.comments: Hibernate loads the posts, then the comments (one
        // select for all posts, thanks to @BatchSize), and deletes children before parents.
        inTransaction(session -> {
            UserEntity user = session.find(UserEntity.class, userId);
            if (user != null) {
                session.remove(user);
            }
            return null;
        });
        // catch-up }
    }

    @Override
    public boolean removeComment(long postId, long commentId) {
        // catch-up ex4 {
        return inTransaction(session -> {
            Optional<PostEntity> post = session.createSelectionQuery(
                            "from PostEntity p left join fetch p.comments where p.id = :id", PostEntity.class)
                    .setParameter("id", postId)
                    .uniqueResultOptional();
            Optional<CommentEntity> comment = post.flatMap(p -> p.getComments().stream()
                    .filter(c -> c.getId() == commentId)
                    .findFirst());
            // delete-orphan: no remove() call, orphanRemoval deletes the comment that left the list at commit.
            comment.ifPresent(c -> post.get().removeComment(c));
            return comment.isPresent();
        });
        // catch-up }
    }

    // 5. Count posts ------------------------------------------------------------------------------------------

    @Override
    public List<PostCount> countPostsPerUser() {
        // catch-up ex5 {
        // A left join keeps users without posts; count(p.id) counts 0 for them (count(*) would count 1).
        return inTransaction(session -> session.createSelectionQuery("""
                        select new onetomany.exercises.contract.PostCount(u.id, u.name, count(p.id))
                        from UserEntity u left join u.posts p
                        group by u.id, u.name
                        order by u.id""", PostCount.class)
                .getResultList());
        // catch-up }
    }

    // 6. A page of users --------------------------------------------------------------------------------------

    @Override
    public List<User> findAllUsersWithPosts() {
        // catch-up ex6 {
        return inTransaction(session -> List.copyOf(session.createSelectionQuery(
                "from UserEntity u left join fetch u.posts order by u.id", UserEntity.class).getResultList()));
        // catch-up }
    }

    @Override
    public List<User> findPageOfUsersWithPosts(int page, int size) {
        // catch-up ex6 {
        // setMaxResults on a query that fetches a collection: Hibernate 7.4.15 limits the users in a subquery the
        // first time, but ignores the limit once the same query text ran without one (HibernateClaimsTest). Page
        // the ids, where the database applies the limit, then fetch those users.
        return inTransaction(session -> {
            List<Long> ids = session.createSelectionQuery("select u.id from UserEntity u order by u.id", Long.class)
                    .setFirstResult(page * size)
                    .setMaxResults(size)
                    .getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            return List.copyOf(session.createSelectionQuery(
                            "from UserEntity u left join fetch u.posts where u.id in :ids order by u.id",
                            UserEntity.class)
                    .setParameter("ids", ids)
                    .getResultList());
        });
        // catch-up }
    }

    // 7. Move a post ------------------------------------------------------------------------------------------

    @Override
    public User movePost(long postId, long toUserId) {
        // catch-up ex7 {
        return inTransaction(session -> {
            // The portable move: one bulk update of the foreign key. Moving the post between the two loaded lists
            // (remove from one, add to the other) relies on Hibernate cancelling the orphan removal, which the JPA
            // specification (2.9) tells portable applications not to do, and which Hibernate 7.4.15 does not always
            // do: in Ex7MovePostContract's there-and-back test, the third move (B1 from Bob to Alice) deleted the
            // post and its comment. A bulk update goes around the persistence context: run it before anything is
            // loaded, then read the new author, so nothing in the session is stale.
            int moved = session.createMutationQuery("update PostEntity p set p.author = :to where p.id = :id")
                    .setParameter("to", session.getReference(UserEntity.class, toUserId))
                    .setParameter("id", postId)
                    .executeUpdate();
            if (moved != 1) {
                throw new IllegalArgumentException("there is no post " + postId);
            }
            return session.createSelectionQuery(
                            "from UserEntity u left join fetch u.posts p where u.id = :id order by p.id",
                            UserEntity.class)
                    .setParameter("id", toUserId)
                    .getSingleResult();
        });
        // catch-up }
    }

    // 8. Search -----------------------------------------------------------------------------------------------

    @Override
    public List<String> findTitlesContaining(String fragment) {
        // catch-up ex8 {
        // The fragment is a parameter, so quotes and SQL text are only data. % and _ are still wildcards inside a
        // like pattern: escape them (and the escape character itself). '!' rather than '\', which MariaDB and
        // MySQL read as an escape in string literals.
        String pattern = "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return inTransaction(session -> session.createSelectionQuery(
                        "select p.title from PostEntity p where p.title like :pattern escape '!' order by p.id",
                        String.class)
                .setParameter("pattern", pattern)
                .getResultList());
        // catch-up }
    }

    // 9. Batch insert -----------------------------------------------------------------------------------------

    @Override
    public long saveUserWithManyPosts(NewUser newUser) {
        // catch-up ex9 {
        // The user's IDENTITY insert runs at persist; the posts take sequence ids and wait for the flush, where
        // hibernate.jdbc.batch_size sends them 1000 per JDBC batch.
        return inTransaction(session -> {
            UserEntity user = new UserEntity(newUser.name());
            for (NewPost post : newUser.posts()) {
                user.addPost(new PostEntity(post.title(), post.content()));
            }
            session.persist(user);
            return user.getId();
        });
        // catch-up }
    }

    // 10. Save from a draft ---------------------------------------------------------------------------------

    @Override
    public VersionedPost savePostWithComments(PostDraft draft) {
        // catch-up ex10 {
        // The unit of work: load the post with its comments, change the loaded objects to match the draft, and let
        // the flush find what changed (dirty checking), what left post.comments (orphanRemoval) and what is new
        // (cascade). Unchanged comments are not dirty: no statement writes them.
        try {
            return inTransaction(session -> {
                PostEntity post = session.createSelectionQuery(
                                "from PostEntity p left join fetch p.comments where p.id = :id", PostEntity.class)
                        .setParameter("id", draft.postId())
                        .uniqueResultOptional()
                        .orElseThrow(() -> DraftRefused.unknownPost(draft.postId()));
                // @Version checks the version of the row against the loaded one; the draft's is checked here.
                if (post.getVersion() != draft.version()) {
                    throw DraftRefused.staleVersion(draft.postId(), draft.version(), null);
                }
                Map<Long, CommentEntity> loaded = new HashMap<>();
                post.getComments().forEach(comment -> loaded.put(comment.getId(), comment));
                Set<Long> kept = new HashSet<>();
                boolean commentsChange = false;
                for (CommentDraft comment : draft.comments()) {
                    if (comment.id() == null) {
                        commentsChange = true;
                    } else if (!loaded.containsKey(comment.id()) || !kept.add(comment.id())) {
                        throw DraftRefused.unknownComment(draft.postId(), comment.id());
                    } else {
                        commentsChange |= !loaded.get(comment.id()).getBody().equals(comment.body());
                    }
                }
                commentsChange |= kept.size() < loaded.size();
                boolean postEdited = !Objects.equals(post.getTitle(), draft.title())
                        || !Objects.equals(post.getContent(), draft.content());
                // The root's row first: its update ("... where id = ? and version = ?") locks it, so a concurrent
                // save waits there, then matches no row (StaleObjectStateException). Edited, the dirty post is
                // flushed now. If only comments change, nothing makes the post dirty (a comment's edit, or a
                // change to the mappedBy list, leaves its version alone): PESSIMISTIC_FORCE_INCREMENT bumps it,
                // before the comments' statements (OPTIMISTIC_FORCE_INCREMENT would do it at the commit, last).
                if (postEdited) {
                    post.edit(draft.title(), draft.content());
                    session.flush();
                } else if (commentsChange) {
                    session.lock(post, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                }
                for (CommentEntity comment : List.copyOf(post.getComments())) {
                    if (!kept.contains(comment.getId())) {
                        post.removeComment(comment); // delete-orphan: deleted at the flush
                    }
                }
                for (CommentDraft comment : draft.comments()) {
                    if (comment.id() == null) {
                        post.addComment(new CommentEntity(comment.body())); // cascade: inserted at the flush
                    } else {
                        loaded.get(comment.id()).setBody(comment.body()); // updated only if it differs
                    }
                }
                return post; // the commit flushes: the new comments get their ids before the caller sees them
            });
        } catch (RuntimeException e) {
            // A version update that matched no row: StaleStateException, wrapped in OptimisticLockException
            // (and in RollbackException when the commit's flush sent it).
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                    throw DraftRefused.staleVersion(draft.postId(), draft.version(), e);
                }
            }
            throw e;
        }
        // catch-up }
    }

    @Override
    public int statementsToSave(boolean postEdited, int added, int changed, int removed) {
        // catch-up ex10 {
        // The load; the post's update; each IDENTITY insert at once (Hibernate must know the id: no batching, as
        // in exercise 9); the changed comments' updates in one JDBC batch, the orphans' deletes in another.
        boolean any = postEdited || added + changed + removed > 0;
        return 1 + (any ? 1 : 0) + added + (changed > 0 ? 1 : 0) + (removed > 0 ? 1 : 0);
        // catch-up }
    }

    @Override
    public void close() {
        sessionFactory.close();
    }

    private <R> R inTransaction(Function<Session, R> work) {
        return sessionFactory.fromTransaction(work);
    }
}
