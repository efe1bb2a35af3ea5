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
import onetomany.exercises.contract.Exercise;
import onetomany.exercises.contract.Exercises;
import onetomany.exercises.contract.PostCount;
import onetomany.exercises.contract.VersionedPost;
import onetomany.exercises.contract.PostDraft;
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
                // catch-up ex9 {
                // TODO exercise 9: JDBC batching is a setting of the factory (see 09-batch-insert.md).
                // exercises/instructions/09-batch-insert.md; in Russian: exercises/instructions/ru/09-batch-insert.md
                // catch-up }
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
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
        // Worked example, once you have tried: JpaUserPostRepository.findUsersWithPostsPage in module-jpa
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

    @Override
    public void close() {
        sessionFactory.close();
    }

    private <R> R inTransaction(Function<Session, R> work) {
        return sessionFactory.fromTransaction(work);
    }
}
