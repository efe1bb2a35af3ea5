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
    private final long version;
    private final List<PlainPost> posts = new ArrayList<>();

    public PlainUser(long id, String name) {
        this(id, name, 0);
    }

    /** A user with the {@code users.version} he was read at (the save of a draft compares it). */
    public PlainUser(long id, String name, long version) {
        this.id = id;
        this.name = name;
        this.version = version;
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
    public long getVersion() {
        return version;
    }

    @Override
    public List<PlainPost> getPosts() {
        return posts;
    }
}
