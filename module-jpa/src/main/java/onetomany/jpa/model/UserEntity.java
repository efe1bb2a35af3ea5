package onetomany.jpa.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import onetomany.contract.User;

/**
 * {@code users}: the "one" side.
 *
 * <p>{@code posts} is SQLAlchemy's {@code relationship("Post", back_populates="author",
 * cascade="all, delete-orphan")}: {@code mappedBy = "author"} says the foreign key belongs to
 * {@link PostEntity#getAuthor()} (this side changes no table), {@code cascade = ALL} makes saving or deleting a
 * user save or delete its posts, and {@code orphanRemoval} deletes a post removed from the list.
 */
@Entity
@Table(name = "users")
public class UserEntity implements User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    /**
     * {@code users.version}, SQLAlchemy's {@code version_id_col}: Hibernate adds {@code and version = ?} to every
     * update and delete of this row, sets it one higher, and throws when no row matched (someone else changed it
     * since it was loaded). Editing a post changes no column of this row, so the repository forces the increment
     * where only posts changed.
     */
    @Version
    private long version;

    // tag::posts[]
    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PostEntity> posts = new ArrayList<>();
    // end::posts[]

    protected UserEntity() {
        // for Hibernate
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

    /** Removes a post from this user; with {@code orphanRemoval} the post is deleted at commit. */
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

    @Override
    public List<PostEntity> getPosts() {
        return posts;
    }

    @Override
    public String toString() {
        return "UserEntity[id=" + id + ", name=" + name + "]";
    }
}
