package onetomany.exercises.jdbi.model;

import java.util.ArrayList;
import java.util.List;

import onetomany.exercises.contract.CommentedUser;

/** {@code users}: as in module-jdbi (the worked example), given. Built by a row mapper. */
public class UserEntity implements CommentedUser {

    private final Long id;

    private final String name;

    private final List<PostEntity> posts = new ArrayList<>();

    public UserEntity(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    /** Adds a post to this user and makes this user its author: both sides in step, in memory only. */
    public void addPost(PostEntity post) {
        posts.add(post);
        post.setAuthor(this);
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<PostEntity> getPosts() {
        return posts;
    }

    @Override
    public String toString() {
        return "UserEntity[id=" + id + ", name=" + name + "]";
    }
}
