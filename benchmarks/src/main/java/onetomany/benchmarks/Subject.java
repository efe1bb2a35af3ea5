package onetomany.benchmarks;

import java.util.List;

import onetomany.contract.LoadStrategy;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.PostSummary;
import onetomany.contract.StatementBudget;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserPostRepository;

/**
 * What the benchmarks call: the contract's operations that they measure. A module's repository is one
 * ({@link #of(UserPostRepository)}); the JDBC floor is another ({@link JdbcFloor}).
 */
public interface Subject extends AutoCloseable {

    List<? extends User> usersWithPosts(LoadStrategy strategy);

    List<? extends Post> postsWithAuthors();

    /** A page of users with their posts: {@code findUsersWithPostsPage}. */
    List<? extends User> usersPage(long afterUserId, int limit);

    /** Every post with its author's id and name, as records: {@code findPostSummaries}. */
    List<PostSummary> postSummaries();

    User createUserWithPosts(NewUser user);

    void deleteUser(long userId);

    User saveUserWithPosts(UserDraft draft);

    /** What its writes cost: a module's {@code budget()}; the floor's is the hand-written SQL of the defaults. */
    default StatementBudget budget() {
        return new StatementBudget() {
        };
    }

    @Override
    void close();

    static Subject of(UserPostRepository repository) {
        return new Subject() {
            @Override
            public List<? extends User> usersWithPosts(LoadStrategy strategy) {
                return repository.findAllUsersWithPosts(strategy);
            }

            @Override
            public List<? extends Post> postsWithAuthors() {
                return repository.findAllPostsWithAuthors();
            }

            @Override
            public List<? extends User> usersPage(long afterUserId, int limit) {
                return repository.findUsersWithPostsPage(afterUserId, limit);
            }

            @Override
            public List<PostSummary> postSummaries() {
                return repository.findPostSummaries();
            }

            @Override
            public User createUserWithPosts(NewUser user) {
                return repository.createUserWithPosts(user);
            }

            @Override
            public void deleteUser(long userId) {
                repository.deleteUser(userId);
            }

            @Override
            public User saveUserWithPosts(UserDraft draft) {
                return repository.saveUserWithPosts(draft);
            }

            @Override
            public StatementBudget budget() {
                return repository.budget();
            }

            @Override
            public void close() {
                repository.close();
            }
        };
    }
}
