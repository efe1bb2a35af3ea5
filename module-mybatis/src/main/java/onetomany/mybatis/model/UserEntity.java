package onetomany.mybatis.model;

import java.util.ArrayList;
import java.util.List;

import onetomany.contract.User;

/**
 * {@code users}: the "one" side.
 *
 * <p>{@code posts} is SQLAlchemy's {@code relationship("Post", back_populates="author",
 * cascade="all, delete-orphan")}, but in MyBatis only the Java half of it: the list is filled by a
 * {@code <collection>} of a result map, and the cascades are statements the repository sends itself (insert each
 * post after the user, delete the posts before the user, delete a removed post). Nothing in MyBatis tracks this
 * list: adding to it writes nothing.
 */
public class UserEntity implements User {

    private Long id;

    private String name;

    /** {@code users.version}: the mapper's SQL bumps it with every change; the repository sets it after a save. */
    private long version;

    private List<PostEntity> posts = new ArrayList<>();

    public UserEntity() {
        // for MyBatis (no setter for id); public, or MyBatis throws and catches an exception per row (benchmarks/)
    }

    public UserEntity(String name) {
        this.name = name;
    }

    // tag::both-sides[]
    /** Adds a post to this user and makes this user its author: both sides of the relationship, in step. */
    public void addPost(PostEntity post) {
        posts.add(post);
        post.setAuthor(this);
    }

    /** Removes a post from this user; only in memory: the repository's {@code removePost} deletes the row. */
    public void removePost(PostEntity post) {
        posts.remove(post);
        post.setAuthor(null);
    }
    // end::both-sides[]

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
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
