package onetomany.exercises.mybatis.model;

import java.util.ArrayList;
import java.util.List;

import onetomany.exercises.contract.CommentedUser;

/** {@code users}: as in module-mybatis (the worked example), given. Filled by the result maps of the mapper XML. */
public class UserEntity implements CommentedUser {

    private Long id;

    private String name;

    private List<PostEntity> posts = new ArrayList<>();

    protected UserEntity() {
        // for MyBatis, which fills the fields by reflection
    }

    public UserEntity(String name) {
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
