package onetomany.benchmarks;

import java.util.ArrayList;
import java.util.List;

import onetomany.contract.User;

/**
 * The object graph of the JDBC floor and of the read-model alternatives: two plain classes, no library behind
 * them. The same shape as every module's {@code UserEntity}: a list of posts, each pointing back to this user.
 */
public final class PlainUser implements User {

    private final Long id;
    private final String name;
    private final List<PlainPost> posts = new ArrayList<>();

    public PlainUser(long id, String name) {
        this.id = id;
        this.name = name;
    }

    /** Both sides in step: the post joins this user's list and gets this user as its author. */
    public void addPost(PlainPost post) {
        posts.add(post);
        post.author = this;
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
    public List<PlainPost> getPosts() {
        return posts;
    }
}
