package onetomany.exercises.contract;

import java.util.List;

import onetomany.contract.User;

/** Exercise 6: paging a one-to-many. Users ordered by id, each with all his posts, ordered by id. */
public interface Ex6PageOfUsers {

    /** Every user with his posts, in exactly 1 statement. */
    List<User> findAllUsersWithPosts();

    /**
     * Page {@code page} (0 is the first) of {@code size} users, ordered by id, each with all his posts, in at
     * most 2 statements; the database applies the limit (never the program, in memory).
     */
    List<User> findPageOfUsersWithPosts(int page, int size);
}
