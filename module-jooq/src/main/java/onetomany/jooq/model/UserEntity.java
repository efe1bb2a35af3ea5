package onetomany.jooq.model;

import java.util.ArrayList;
import java.util.List;

import onetomany.contract.User;

/**
 * {@code users}: the "one" side.
 *
 * <p>{@code posts} is SQLAlchemy's {@code relationship("Post", back_populates="author",
 * cascade="all, delete-orphan")} as a plain list: jOOQ has no relationships between objects (its generated foreign
 * key paths join tables in a query), so nothing here is loaded, saved, cascaded or deleted by the library. The
 * repository fills the list as it folds the rows of its queries, in the order of their
 * {@code order by}, and writes the cascade and the orphan's delete as SQL of its own. The id comes from the
 * database, so it is a constructor argument and never changes.
 */
public class UserEntity implements User {

    private final Long id;

    private String name;

    /** {@code users.version}: the repository's SQL bumps it with every change, and sets it here after a save. */
    private long version;

    private final List<PostEntity> posts = new ArrayList<>();

    /** A user just created: version 0. */
    public UserEntity(Long id, String name) {
        this(id, name, 0);
    }

    public UserEntity(Long id, String name, long version) {
        this.id = id;
        this.name = name;
        this.version = version;
    }

    // tag::both-sides[]
    /** Adds a post to this user and makes this user its author: both sides of the relationship, in step. */
    public void addPost(PostEntity post) {
        posts.add(post);
        post.setAuthor(this);
    }

    /** Removes a post from this user, both sides; in memory only: deleting its row is the repository's SQL. */
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
