package onetomany.exercises.mybatis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.User;
import onetomany.exercises.contract.Comment;
import onetomany.exercises.contract.CommentedPost;
import onetomany.exercises.contract.CommentedUser;
import onetomany.exercises.contract.Exercise;
import onetomany.exercises.contract.Exercises;
import onetomany.exercises.contract.PostCount;
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
        // TODO exercise 1: see exercises/instructions/01-map-comments.md
        // In Russian: exercises/instructions/ru/01-map-comments.md
        throw Exercise.MAP_COMMENTS.notSolved();
        // catch-up }
    }

    @Override
    public Optional<Comment> findComment(long commentId) {
        // catch-up ex1 {
        // TODO exercise 1: see exercises/instructions/01-map-comments.md
        // In Russian: exercises/instructions/ru/01-map-comments.md
        throw Exercise.MAP_COMMENTS.notSolved();
        // catch-up }
    }

    // 2. Load comments ----------------------------------------------------------------------------------------

    @Override
    public Optional<CommentedPost> findPostWithComments(long postId) {
        // catch-up ex2 {
        // TODO exercise 2: see exercises/instructions/02-load-comments.md
        // In Russian: exercises/instructions/ru/02-load-comments.md
        throw Exercise.LOAD_COMMENTS.notSolved();
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsJoined() {
        // catch-up ex2 {
        // TODO exercise 2: see exercises/instructions/02-load-comments.md
        // In Russian: exercises/instructions/ru/02-load-comments.md
        throw Exercise.LOAD_COMMENTS.notSolved();
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsSelectIn() {
        // catch-up ex2 {
        // TODO exercise 2: see exercises/instructions/02-load-comments.md
        // In Russian: exercises/instructions/ru/02-load-comments.md
        throw Exercise.LOAD_COMMENTS.notSolved();
        // catch-up }
    }

    // 3. Three levels -----------------------------------------------------------------------------------------

    @Override
    public List<CommentedUser> findAllUsersWithPostsAndComments() {
        // catch-up ex3 {
        // TODO exercise 3: see exercises/instructions/03-three-levels.md
        // In Russian: exercises/instructions/ru/03-three-levels.md
        throw Exercise.THREE_LEVELS.notSolved();
        // catch-up }
    }

    // 4. Cascade ----------------------------------------------------------------------------------------------

    @Override
    public void deleteUser(long userId) {
        // catch-up ex4 {
        // TODO exercise 4: see exercises/instructions/04-cascade.md
        // In Russian: exercises/instructions/ru/04-cascade.md
        throw Exercise.CASCADE.notSolved();
        // catch-up }
    }

    @Override
    public boolean removeComment(long postId, long commentId) {
        // catch-up ex4 {
        // TODO exercise 4: see exercises/instructions/04-cascade.md
        // In Russian: exercises/instructions/ru/04-cascade.md
        throw Exercise.CASCADE.notSolved();
        // catch-up }
    }

    // 5. Count posts ------------------------------------------------------------------------------------------

    @Override
    public List<PostCount> countPostsPerUser() {
        // catch-up ex5 {
        // TODO exercise 5: see exercises/instructions/05-count-posts.md
        // In Russian: exercises/instructions/ru/05-count-posts.md
        throw Exercise.COUNT_POSTS.notSolved();
        // catch-up }
    }

    // 6. A page of users --------------------------------------------------------------------------------------

    @Override
    public List<User> findAllUsersWithPosts() {
        // catch-up ex6 {
        // TODO exercise 6: see exercises/instructions/06-page-of-users.md
        // In Russian: exercises/instructions/ru/06-page-of-users.md
        throw Exercise.PAGE_OF_USERS.notSolved();
        // catch-up }
    }

    @Override
    public List<User> findPageOfUsersWithPosts(int page, int size) {
        // catch-up ex6 {
        // TODO exercise 6: see exercises/instructions/06-page-of-users.md
        // In Russian: exercises/instructions/ru/06-page-of-users.md
        // Worked example, once you have tried: MyBatisUserPostRepository.findUsersWithPostsPage in module-mybatis
        // (a page by key, in 2 statements; the instructions say how it differs from yours)
        throw Exercise.PAGE_OF_USERS.notSolved();
        // catch-up }
    }

    // 7. Move a post ------------------------------------------------------------------------------------------

    @Override
    public User movePost(long postId, long toUserId) {
        // catch-up ex7 {
        // TODO exercise 7: see exercises/instructions/07-move-post.md
        // In Russian: exercises/instructions/ru/07-move-post.md
        throw Exercise.MOVE_POST.notSolved();
        // catch-up }
    }

    // 8. Search -----------------------------------------------------------------------------------------------

    @Override
    public List<String> findTitlesContaining(String fragment) {
        // catch-up ex8 {
        // TODO exercise 8: see exercises/instructions/08-search-posts.md
        // In Russian: exercises/instructions/ru/08-search-posts.md
        throw Exercise.SEARCH_POSTS.notSolved();
        // catch-up }
    }

    // 9. Batch insert -----------------------------------------------------------------------------------------

    @Override
    public long saveUserWithManyPosts(NewUser newUser) {
        // catch-up ex9 {
        // TODO exercise 9: see exercises/instructions/09-batch-insert.md
        // In Russian: exercises/instructions/ru/09-batch-insert.md
        throw Exercise.BATCH_INSERT.notSolved();
        // catch-up }
    }

    // 10. Save from a draft ---------------------------------------------------------------------------------

    @Override
    public VersionedPost savePostWithComments(PostDraft draft) {
        // catch-up ex10 {
        // TODO exercise 10: see exercises/instructions/10-save-comments.md
        // In Russian: exercises/instructions/ru/10-save-comments.md
        throw Exercise.SAVE_COMMENTS.notSolved();
        // catch-up }
    }

    @Override
    public int statementsToSave(boolean postEdited, int added, int changed, int removed) {
        // catch-up ex10 {
        // TODO exercise 10: see exercises/instructions/10-save-comments.md
        // In Russian: exercises/instructions/ru/10-save-comments.md
        throw Exercise.SAVE_COMMENTS.notSolved();
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
