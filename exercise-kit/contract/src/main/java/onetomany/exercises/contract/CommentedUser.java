package onetomany.exercises.contract;

import java.util.List;

import onetomany.contract.User;

/** A user whose posts carry their comments: the three levels of exercise 3. */
public interface CommentedUser extends User {

    @Override
    List<? extends CommentedPost> getPosts();
}
