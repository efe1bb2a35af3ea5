package onetomany.exercises.contract;

import java.util.List;

/** Exercise 5: an aggregate over the relationship. */
public interface Ex5CountPosts {

    /**
     * Every user with his number of posts, ordered by user id, in exactly 1 statement that counts in the database
     * (no post is loaded); a user without posts counts 0.
     */
    List<PostCount> countPostsPerUser();
}
