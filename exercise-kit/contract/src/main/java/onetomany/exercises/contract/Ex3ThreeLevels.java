package onetomany.exercises.contract;

import java.util.List;

/** Exercise 3: users, their posts, the posts' comments. */
public interface Ex3ThreeLevels {

    /**
     * Every user with his posts and their comments, in at most 3 statements whatever the number of rows: each
     * user once, ordered by id; posts and comments ordered by id; users without posts and posts without comments
     * included; {@code post.getAuthor()} and {@code comment.getPost()} the very instances holding them.
     */
    List<CommentedUser> findAllUsersWithPostsAndComments();
}
