package onetomany.exercises.contract;

import onetomany.contract.NewUser;

/** Exercise 9: many rows, few round trips. */
public interface Ex9BatchInsert {

    /**
     * Saves a user and all his posts (thousands of them) in one unit of work, in at most 20 statements: the posts
     * go in JDBC batches. The posts' ids ascend in the order of the list. Returns the user's id.
     */
    long saveUserWithManyPosts(NewUser user);
}
