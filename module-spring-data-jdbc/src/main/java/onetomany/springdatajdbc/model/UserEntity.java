package onetomany.springdatajdbc.model;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import onetomany.contract.User;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * {@code users}: the "one" side, and the root of the aggregate that owns the user's posts.
 *
 * <p>{@code posts} is SQLAlchemy's {@code relationship("Post", back_populates="author",
 * cascade="all, delete-orphan")}, and in Spring Data JDBC cascade all and delete-orphan are the only way: the
 * aggregate owns its children, so inserting the user inserts his posts, deleting him deletes them, and a post
 * cannot be loaded or saved without him. {@code @MappedCollection(idColumn = "user_id")} names the posts' column
 * that refers to the root. A {@code Set}, not a {@code List}: a mapped {@code List} keeps its order in an index
 * column of its own ({@code keyColumn}), which {@code posts} does not have; the id order is kept here instead
 * ({@link #getPosts()}).
 *
 * <p>{@code @Version} is {@code users.version}, a {@code Long}: a null version marks a new user, and the library's
 * insert stores 0 (a primitive would start at 1); its own {@code save} of a loaded user updates
 * {@code ... where id = ? and version = ?} with the next version, and 0 rows is an
 * {@code OptimisticLockingFailureException}.
 */
@Table("users")
public class UserEntity implements User {

    private static final Comparator<PostEntity> BY_ID = Comparator.comparing(PostEntity::getId);

    @Id
    private Long id;

    private String name;

    @Version
    private Long version;

    @MappedCollection(idColumn = "user_id")
    private Set<PostEntity> posts = new LinkedHashSet<>();

    /** A new user, not stored yet: the library's insert sets his id and version 0. */
    public UserEntity(String name) {
        this.name = name;
    }

    /** A user read by the repository's own SQL, his posts added afterwards. */
    public UserEntity(Long id, String name, long version) {
        this.id = id;
        this.name = name;
        this.version = version;
    }

    /**
     * The constructor the library uses when it loads a user with his posts (parameters matched by name:
     * javac -parameters): the posts come as a set in no particular order (or none, from single query loading, for
     * a user without posts); each one's author is set here, and they are kept in id order.
     */
    @PersistenceCreator
    UserEntity(Long id, String name, Long version, Set<PostEntity> posts) {
        this.id = id;
        this.name = name;
        this.version = version;
        if (posts != null) { // single query loading hands a user without posts no set at all
            posts.stream().sorted(BY_ID).forEach(this::addPost);
        }
    }

    // tag::both-sides[]
    /** Adds a post to this user and makes this user its author: both sides of the relationship, in step. */
    public void addPost(PostEntity post) {
        posts.add(post);
        post.setAuthor(this);
    }

    /**
     * Removes a post from this user, both sides; in memory only: the library's own save would then delete every
     * post row of the user and insert the others again, the contract's save deletes this one row.
     */
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

    /** 0 for a user not stored yet (the insert stores 0). */
    @Override
    public long getVersion() {
        return version == null ? 0 : version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    /**
     * The posts in the order they were added, which is id order for every user the repository returns; a copy:
     * add and remove through {@link #addPost(PostEntity)} and {@link #removePost(PostEntity)}.
     */
    @Override
    public List<PostEntity> getPosts() {
        return List.copyOf(posts);
    }

    @Override
    public String toString() {
        return "UserEntity[id=" + id + ", name=" + name + "]";
    }
}
