package onetomany.exercises.jpa;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
import onetomany.exercises.jpa.model.CommentEntity;
import onetomany.exercises.jpa.model.PostEntity;
import onetomany.exercises.jpa.model.UserEntity;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
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
                // Exercise 9: inserts, updates and deletes of one table go in JDBC batches of up to 1000 rows.
                // Off by default. It batches only what Hibernate may delay, which rules out IDENTITY inserts.
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 1000)
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
    }

    // 1. Map comments -----------------------------------------------------------------------------------------

    @Override
    public long addComment(long postId, String body) {
        // getReference: a proxy holding the id, no select. The comment's post_id is all the insert needs.
        return inTransaction(session -> {
            CommentEntity comment = new CommentEntity(session.getReference(PostEntity.class, postId), body);
            session.persist(comment);
            return comment.getId();
        });
    }

    @Override
    public Optional<Comment> findComment(long commentId) {
        // One join: the comment, its post, and the post's comments. The persistence context holds one instance per
        // id, so the comment found is the very one in post.comments. The join repeats the comment on every row of
        // its siblings: take the first.
        return inTransaction(session -> session.createSelectionQuery("""
                        from CommentEntity c join fetch c.post p left join fetch p.comments
                        where c.id = :id""", CommentEntity.class)
                .setParameter("id", commentId)
                .getResultList().stream()
                .findFirst()
                .map(Comment.class::cast));
    }

    // 2. Load comments ----------------------------------------------------------------------------------------

    @Override
    public Optional<CommentedPost> findPostWithComments(long postId) {
        return inTransaction(session -> session.createSelectionQuery(
                        "from PostEntity p left join fetch p.comments where p.id = :id", PostEntity.class)
                .setParameter("id", postId)
                .uniqueResultOptional()
                .map(CommentedPost.class::cast));
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsJoined() {
        return inTransaction(session -> List.copyOf(session.createSelectionQuery(
                "from PostEntity p left join fetch p.comments order by p.id", PostEntity.class).getResultList()));
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsSelectIn() {
        // Subselect fetching, as module-jpa's SUBQUERY (the seeds' subqueryload): the first collection initialised
        // loads every post's comments at once, with "where post_id in (select id from posts)". module-jpa's SELECT_IN
        // is batch fetching (setFetchBatchSize(500)), which for these sizes is 2 statements too.
        return inTransaction(session -> {
            session.setSubselectFetchingEnabled(true);
            List<PostEntity> posts = session.createSelectionQuery("from PostEntity p order by p.id", PostEntity.class)
                    .getResultList();
            posts.forEach(post -> Hibernate.initialize(post.getComments()));
            return List.copyOf(posts);
        });
    }

    // 3. Three levels -----------------------------------------------------------------------------------------

    @Override
    public List<CommentedUser> findAllUsersWithPostsAndComments() {
        // Fetching u.posts and p.comments in one query is two bags at once: MultipleBagFetchException (and, with
        // Sets, a cartesian product). Two queries instead: the second fetches the comments of the very post
        // instances the first one loaded, since the persistence context has one instance per id.
        return inTransaction(session -> {
            List<UserEntity> users = session.createSelectionQuery(
                    "from UserEntity u left join fetch u.posts order by u.id", UserEntity.class).getResultList();
            session.createSelectionQuery("from PostEntity p left join fetch p.comments", PostEntity.class)
                    .getResultList();
            return List.copyOf(users);
        });
    }

    // 4. Cascade ----------------------------------------------------------------------------------------------

    @Override
    public void deleteUser(long userId) {
        // cascade = ALL on user.posts and on post.comments: Hibernate loads the posts, then the comments (one
        // select for all posts, thanks to @BatchSize), and deletes children before parents.
        inTransaction(session -> {
            UserEntity user = session.find(UserEntity.class, userId);
            if (user != null) {
                session.remove(user);
            }
            return null;
        });
    }

    @Override
    public boolean removeComment(long postId, long commentId) {
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
    }

    // 5. Count posts ------------------------------------------------------------------------------------------

    @Override
    public List<PostCount> countPostsPerUser() {
        // A left join keeps users without posts; count(p.id) counts 0 for them (count(*) would count 1).
        return inTransaction(session -> session.createSelectionQuery("""
                        select new onetomany.exercises.contract.PostCount(u.id, u.name, count(p.id))
                        from UserEntity u left join u.posts p
                        group by u.id, u.name
                        order by u.id""", PostCount.class)
                .getResultList());
    }

    // 6. A page of users --------------------------------------------------------------------------------------

    @Override
    public List<User> findAllUsersWithPosts() {
        return inTransaction(session -> List.copyOf(session.createSelectionQuery(
                "from UserEntity u left join fetch u.posts order by u.id", UserEntity.class).getResultList()));
    }

    @Override
    public List<User> findPageOfUsersWithPosts(int page, int size) {
        // setMaxResults on a query that fetches a collection limits rows, not users, so Hibernate fetches all rows
        // and pages in memory (warning HHH90003004), and may not apply it at all when the same query text ran
        // before without a limit. Page the ids, where the database applies the limit, then fetch those users.
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
    }

    // 7. Move a post ------------------------------------------------------------------------------------------

    @Override
    public User movePost(long postId, long toUserId) {
        return inTransaction(session -> {
            PostEntity post = session.find(PostEntity.class, postId);
            // The author is a proxy: its id is known without loading it. Both users with their posts, in one select.
            long fromUserId = post.getAuthor().getId();
            List<UserEntity> users = session.createSelectionQuery(
                            "from UserEntity u left join fetch u.posts where u.id in (:from, :to)", UserEntity.class)
                    .setParameter("from", fromUserId)
                    .setParameter("to", toUserId)
                    .getResultList();
            UserEntity from = users.stream().filter(u -> u.getId() == fromUserId).findFirst().orElseThrow();
            UserEntity to = users.stream().filter(u -> u.getId() == toUserId).findFirst().orElseThrow();
            // The orphan-removal trap: a post taken out of user.posts is an orphan, which the next flush deletes
            // (its comments with it, by cascade), and any query flushes first. So both lists change together,
            // after the last query: the flush then sees a post that moved, and sends one update.
            from.getPosts().remove(post);
            to.addPost(post);
            to.getPosts().sort(Comparator.comparing(PostEntity::getId));
            return to;
        });
    }

    // 8. Search -----------------------------------------------------------------------------------------------

    @Override
    public List<String> findTitlesContaining(String fragment) {
        // The fragment is a parameter, so quotes and SQL text are only data. % and _ are still wildcards inside a
        // like pattern: escape them (and the escape character itself). '!' rather than '\', which MariaDB and
        // MySQL read as an escape in string literals.
        String pattern = "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return inTransaction(session -> session.createSelectionQuery(
                        "select p.title from PostEntity p where p.title like :pattern escape '!' order by p.id",
                        String.class)
                .setParameter("pattern", pattern)
                .getResultList());
    }

    // 9. Batch insert -----------------------------------------------------------------------------------------

    @Override
    public long saveUserWithManyPosts(NewUser newUser) {
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
    }

    @Override
    public void close() {
        sessionFactory.close();
    }

    private <R> R inTransaction(Function<Session, R> work) {
        return sessionFactory.fromTransaction(work);
    }
}
