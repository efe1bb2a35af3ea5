package onetomany.contract;

import java.util.List;

/**
 * A library's own ways beside the contract's operations: what one library offers for an operation of
 * {@link UserPostRepository}, done its own way. <b>Not part of the contract</b>: a repository may implement one of
 * these interfaces or none, the shared suites never call them, and nothing here is held to the contract's budgets.
 * The comparison report finds them with {@code instanceof} on a library's repository and shows each as a row
 * beside the operation it stands for, marked as the library's own way, a cell for the library that has it and a
 * dash for the others. Each implementation's own module tests what its row claims.
 */
public final class OwnWays {

    private OwnWays() {
    }

    /**
     * All users with their posts in 1 statement without a join: {@code multiset}, the SQL standard's nested
     * collection, each user's row carrying his posts (jOOQ renders it as a correlated subquery that aggregates the
     * posts as JSON). Beside {@link UserPostRepository#findAllUsersWithPosts(LoadStrategy)}: the same graph as
     * {@link LoadStrategy#JOINED}, without the join's repeated user columns.
     */
    public interface NestedRead {

        /**
         * Every user, ordered by id, with his posts ordered by id, each post's author this very user; users without
         * posts with an empty list. Exactly 1 statement, whatever the number of users.
         */
        List<User> findAllUsersWithPostsByMultiset();
    }

    /**
     * A draft saved by the library's own save of a whole aggregate: the user loaded, the draft applied to the loaded
     * object, and the object handed to the library's {@code save}, which does not know what the user looked like
     * when he was read, so it writes the whole aggregate. Beside {@link UserPostRepository#saveUserWithPosts}, which
     * takes the same draft and writes only what changed.
     */
    public interface WholeAggregateSave {

        /**
         * Loads the draft's user with his posts, applies the draft (the name; the kept posts' title and content;
         * the posts the draft does not hold removed, the new ones added; the draft's version, which the library's
         * optimistic lock checks), and saves the user with the library's own save, in a unit of work of its own.
         * Refused as the contract's save refuses: {@link RepositoryException.Reason#UNKNOWN_USER},
         * {@link RepositoryException.Reason#UNKNOWN_POST}, {@link RepositoryException.Reason#CONFLICT}, and bad
         * values before any statement.
         */
        SavedAggregate saveWholeAggregate(UserDraft draft);
    }

    /**
     * What {@link WholeAggregateSave#saveWholeAggregate} did to the user's posts.
     *
     * @param postIdsBefore the ids of the user's posts as loaded, ascending
     * @param saved         the user as the library's save returned him, his posts' ids as the library set them
     */
    public record SavedAggregate(List<Long> postIdsBefore, User saved) {

        public SavedAggregate {
            postIdsBefore = List.copyOf(postIdsBefore);
        }
    }
}
