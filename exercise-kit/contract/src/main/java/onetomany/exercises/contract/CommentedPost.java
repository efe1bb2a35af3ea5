package onetomany.exercises.contract;

import java.util.List;

import onetomany.contract.Post;

/** A post with its comments: {@code post.comments}, the other end of {@link Comment#getPost()}. */
public interface CommentedPost extends Post {

    /** This post's comments, ordered by id; empty, never null. Each one's {@code getPost()} is this instance. */
    List<? extends Comment> getComments();
}
