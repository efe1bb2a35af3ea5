package onetomany.exercises.contract;

import java.util.List;

import onetomany.contract.User;

/** A user whose posts carry their comments: the three levels of exercise 3. */
public interface CommentedUser extends User {

    @Override
    List<? extends CommentedPost> getPosts();

    /**
     * Not read by the exercises: their users do not map {@code users.version} (exercise 10 versions the post, the
     * root of its aggregate), so asking for it is a mistake, said as such.
     */
    @Override
    default long getVersion() {
        throw new IllegalStateException("the exercises' users do not map users.version");
    }
}
