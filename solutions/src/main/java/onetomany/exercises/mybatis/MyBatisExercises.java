package onetomany.exercises.mybatis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import onetomany.exercises.contract.CommentDraft;
import onetomany.exercises.contract.DraftRefused;
import onetomany.exercises.contract.PostDraft;
import onetomany.exercises.contract.VersionedPost;
import onetomany.exercises.mybatis.mapper.ExerciseMapper;
import onetomany.exercises.mybatis.model.CommentEntity;
import onetomany.exercises.mybatis.model.PostEntity;
import onetomany.exercises.mybatis.model.UserEntity;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The exercises in MyBatis: SQL in {@code ExerciseMapper.xml}, one {@link SqlSession} (one transaction) per
 * method. The pattern of every one of them is in {@code module-mybatis}'s {@code MyBatisUserPostRepository}.
 */
public class MyBatisExercises implements Exercises {

    private final SqlSessionFactory factory;

    public MyBatisExercises(DataSource dataSource) {
        Configuration configuration =
                new Configuration(new Environment("exercises", new JdbcTransactionFactory(), dataSource));
        configuration.getTypeAliasRegistry().registerAlias(UserEntity.class);
        configuration.getTypeAliasRegistry().registerAlias(PostEntity.class);
        configuration.getTypeAliasRegistry().registerAlias(CommentEntity.class);
        configuration.getTypeAliasRegistry().registerAlias(PostCount.class);
        configuration.addMapper(ExerciseMapper.class);
        this.factory = new SqlSessionFactoryBuilder().build(configuration);
    }

    // 1. Map comments -----------------------------------------------------------------------------------------

    @Override
    public long addComment(long postId, String body) {
        // catch-up ex1 {
        return inTransaction(mapper -> {
            CommentEntity comment = new CommentEntity(body);
            mapper.insertComment(comment, postId);
            return comment.getId();
        });
        // catch-up }
    }

    @Override
    public Optional<Comment> findComment(long commentId) {
        // catch-up ex1 {
        // The result map builds the post and its comments, each comment pointing back to that post; the comment
        // asked for is one of them, the same instance.
        return inTransaction(mapper -> Optional.ofNullable(mapper.findPostOfComment(commentId))
                .flatMap(post -> post.getComments().stream().filter(c -> c.getId() == commentId).findFirst())
                .map(Comment.class::cast));
        // catch-up }
    }

    // 2. Load comments ----------------------------------------------------------------------------------------

    @Override
    public Optional<CommentedPost> findPostWithComments(long postId) {
        // catch-up ex2 {
        return inTransaction(mapper -> Optional.ofNullable(mapper.findPostWithComments(postId)));
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsJoined() {
        // catch-up ex2 {
        return inTransaction(mapper -> List.copyOf(mapper.findAllPostsWithCommentsJoined()));
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsSelectIn() {
        // catch-up ex2 {
        // A result map cannot join two statements: the stitching by post id is this loop, as in module-mybatis. The
        // ids go by chunks of at most 500, one statement each, so that no statement outgrows what the database
        // accepts; a post's comments all come in its chunk, in id order. With no post there is no chunk.
        return inTransaction(mapper -> {
            Map<Long, PostEntity> posts = new LinkedHashMap<>();
            mapper.findAllPosts().forEach(post -> posts.put(post.getId(), post));
            List<Long> ids = List.copyOf(posts.keySet());
            for (int from = 0; from < ids.size(); from += POST_IDS_PER_STATEMENT) {
                List<Long> chunk = ids.subList(from, Math.min(from + POST_IDS_PER_STATEMENT, ids.size()));
                for (CommentEntity comment : mapper.findCommentsOfPosts(chunk)) {
                    posts.get(comment.getPost().getId()).addComment(comment);
                }
            }
            return List.copyOf(posts.values());
        });
        // catch-up }
    }

    // 3. Three levels -----------------------------------------------------------------------------------------

    @Override
    public List<CommentedUser> findAllUsersWithPostsAndComments() {
        // catch-up ex3 {
        // One statement: users left join posts left join comments. The <id> of each nested result map folds the
        // repeated rows into one object per id at each level.
        return inTransaction(mapper -> List.copyOf(mapper.findAllUsersWithPostsAndComments()));
        // catch-up }
    }

    // 4. Cascade ----------------------------------------------------------------------------------------------

    @Override
    public void deleteUser(long userId) {
        // catch-up ex4 {
        // cascade="all" two levels down: comments, posts, the user, one statement each, children first.
        inTransaction(mapper -> {
            mapper.deleteCommentsOfUser(userId);
            mapper.deletePostsOfUser(userId);
            return mapper.deleteUser(userId);
        });
        // catch-up }
    }

    @Override
    public boolean removeComment(long postId, long commentId) {
        // catch-up ex4 {
        return inTransaction(mapper -> mapper.deleteCommentOfPost(postId, commentId) == 1);
        // catch-up }
    }

    // 5. Count posts ------------------------------------------------------------------------------------------

    @Override
    public List<PostCount> countPostsPerUser() {
        // catch-up ex5 {
        return inTransaction(ExerciseMapper::countPostsPerUser);
        // catch-up }
    }

    // 6. A page of users --------------------------------------------------------------------------------------

    @Override
    public List<User> findAllUsersWithPosts() {
        // catch-up ex6 {
        return inTransaction(mapper -> List.copyOf(mapper.findAllUsersWithPosts()));
        // catch-up }
    }

    @Override
    public List<User> findPageOfUsersWithPosts(int page, int size) {
        // catch-up ex6 {
        return inTransaction(mapper -> List.copyOf(mapper.findPageOfUsersWithPosts(page * size, size)));
        // catch-up }
    }

    // 7. Move a post ------------------------------------------------------------------------------------------

    @Override
    public User movePost(long postId, long toUserId) {
        // catch-up ex7 {
        // Moving is updating the foreign key: one update, the post and its comments untouched. Deleting it from
        // one user and inserting it for the other would give it a new id (and the comments' foreign key would
        // refuse the delete).
        return inTransaction(mapper -> {
            if (mapper.updateAuthorOfPost(postId, toUserId) != 1) {
                throw new IllegalArgumentException("there is no post " + postId);
            }
            return mapper.findUserWithPosts(toUserId);
        });
        // catch-up }
    }

    // 8. Search -----------------------------------------------------------------------------------------------

    @Override
    public List<String> findTitlesContaining(String fragment) {
        // catch-up ex8 {
        // #{pattern} is bound, so quotes are data. % and _ stay wildcards inside a like pattern: escape them, and
        // the escape character. '!' rather than '\', which MariaDB and MySQL read as an escape in literals.
        String pattern = "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return inTransaction(mapper -> mapper.findTitlesLike(pattern));
        // catch-up }
    }

    // 9. Batch insert -----------------------------------------------------------------------------------------

    @Override
    public long saveUserWithManyPosts(NewUser newUser) {
        // catch-up ex9 {
        // ExecutorType.BATCH: each statement is queued with addBatch; flushStatements() sends the queue, one
        // executeBatch per run of the same statement. The user first, flushed alone, for its generated id.
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            try {
                ExerciseMapper mapper = session.getMapper(ExerciseMapper.class);
                UserEntity user = new UserEntity(newUser.name());
                mapper.insertUser(user);
                session.flushStatements();
                int queued = 0;
                for (NewPost post : newUser.posts()) {
                    mapper.insertPost(new PostEntity(post.title(), post.content()), user.getId());
                    if (++queued % 1000 == 0) {
                        session.flushStatements(); // bounded batches: the driver holds every queued row
                    }
                }
                session.commit();
                return user.getId();
            } catch (RuntimeException e) {
                session.rollback(true);
                throw e;
            }
        }
        // catch-up }
    }

    // 10. Save from a draft ---------------------------------------------------------------------------------

    @Override
    public VersionedPost savePostWithComments(PostDraft draft) {
        // catch-up ex10 {
        // The diff is ours: MyBatis sends what it is told. ExecutorType.BATCH, as in exercise 9: the select runs at
        // once, the writes are queued, and flushStatements() sends each run of one statement as one JDBC batch.
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            try {
                ExerciseMapper mapper = session.getMapper(ExerciseMapper.class);
                PostEntity post = mapper.findVersionedPostWithComments(draft.postId());
                if (post == null) {
                    throw DraftRefused.unknownPost(draft.postId());
                }
                if (post.getVersion() != draft.version()) {
                    throw DraftRefused.staleVersion(draft.postId(), draft.version(), null);
                }
                Map<Long, CommentEntity> loaded = new LinkedHashMap<>();
                post.getComments().forEach(comment -> loaded.put(comment.getId(), comment));
                Map<Long, String> changed = new LinkedHashMap<>();
                List<CommentEntity> added = new ArrayList<>();
                Set<Long> kept = new HashSet<>();
                for (CommentDraft comment : draft.comments()) {
                    if (comment.id() == null) {
                        added.add(new CommentEntity(comment.body()));
                    } else if (!loaded.containsKey(comment.id()) || !kept.add(comment.id())) {
                        throw DraftRefused.unknownComment(draft.postId(), comment.id());
                    } else if (!loaded.get(comment.id()).getBody().equals(comment.body())) {
                        changed.put(comment.id(), comment.body()); // unchanged ones: no statement
                    }
                }
                List<Long> removed = loaded.keySet().stream().filter(id -> !kept.contains(id)).toList();
                boolean postEdited = !Objects.equals(post.getTitle(), draft.title())
                        || !Objects.equals(post.getContent(), draft.content());
                if (!postEdited && added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
                    return post; // nothing to write, and the version stays
                }
                // The root first, sent alone: its row count says whether the version was still the draft's, and
                // its row lock makes a concurrent save wait here, then find no row.
                mapper.updateVersionedPost(draft.postId(), draft.version(), draft.title(), draft.content());
                if (session.flushStatements().get(0).getUpdateCounts()[0] != 1) {
                    throw DraftRefused.staleVersion(draft.postId(), draft.version(), null);
                }
                if (!removed.isEmpty()) {
                    mapper.deleteCommentsOfPost(draft.postId(), removed);
                }
                changed.forEach((id, body) -> mapper.updateCommentOfPost(draft.postId(), id, body));
                added.forEach(comment -> mapper.insertComment(comment, draft.postId()));
                session.flushStatements(); // one batch per statement; the inserts' generated ids are set
                session.commit();
                // The graph as saved, in memory: the loaded objects changed as the rows were.
                post.saved(draft.title(), draft.content(), draft.version() + 1);
                post.getComments().removeIf(comment -> !kept.contains(comment.getId()));
                changed.forEach((id, body) -> loaded.get(id).setBody(body));
                added.forEach(post::addComment);
                return post;
            } catch (RuntimeException e) {
                session.rollback(true);
                throw e;
            }
        }
        // catch-up }
    }

    @Override
    public int statementsToSave(boolean postEdited, int added, int changed, int removed) {
        // catch-up ex10 {
        // The load; the post's update, flushed alone for its row count; then one batch per statement: the
        // deletes, the updates, the inserts (their generated keys come back from the batch).
        boolean any = postEdited || added + changed + removed > 0;
        return 1 + (any ? 1 : 0) + (removed > 0 ? 1 : 0) + (changed > 0 ? 1 : 0) + (added > 0 ? 1 : 0);
        // catch-up }
    }

    /** One unit of work: committed if the work succeeds, rolled back otherwise. */
    private <R> R inTransaction(Function<ExerciseMapper, R> work) {
        try (SqlSession session = factory.openSession()) {
            try {
                R result = work.apply(session.getMapper(ExerciseMapper.class));
                session.commit();
                return result;
            } catch (RuntimeException e) {
                session.rollback(true);
                throw e;
            }
        }
    }
}
