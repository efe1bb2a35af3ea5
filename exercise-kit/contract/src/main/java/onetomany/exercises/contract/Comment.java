package onetomany.exercises.contract;

/** A row of {@code comments}; {@link #getPost()} is the post that {@code comments.post_id} points to. */
public interface Comment {

    Long getId();

    String getBody();

    /** The post whose {@link CommentedPost#getComments()} holds this very instance. */
    CommentedPost getPost();
}
