package onetomany.exercises.jpa.model;

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
import onetomany.exercises.contract.CommentedUser;

/** {@code users}: as in module-jpa (the worked example), given. */
@Entity
@Table(name = "users")
public class UserEntity implements CommentedUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PostEntity> posts = new ArrayList<>();

    protected UserEntity() {
        // for Hibernate
    }

    public UserEntity(String name) {
        this.name = name;
    }

    /** Adds a post to this user and makes this user its author: both sides in step. */
    public void addPost(PostEntity post) {
        posts.add(post);
        post.setAuthor(this);
    }

    /** Removes a post from this user; with {@code orphanRemoval} the post is deleted at commit. */
    public void removePost(PostEntity post) {
        posts.remove(post);
        post.setAuthor(null);
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
