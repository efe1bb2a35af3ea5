package onetomany.exercises.jpa.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import onetomany.exercises.contract.VersionedPost;
import onetomany.exercises.contract.Exercise;
import org.hibernate.Length;

/** {@code posts}: the author as in module-jpa; the comments are the exercises'. */
@Entity
@Table(name = "posts")
public class PostEntity implements VersionedPost {

    // catch-up ex9 {
    // TODO exercise 9: IDENTITY ids and insert batching (see exercises/instructions/09-batch-insert.md).
    // In Russian: exercises/instructions/ru/09-batch-insert.md
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    // catch-up }
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    /** Any length: clob (H2), text (PostgreSQL), longtext (MariaDB); @Lob would mean an oid on PostgreSQL. */
    @Column(length = Length.LONG32)
    private String content;

    // catch-up ex10 {
    // TODO exercise 10: the post's version, posts.version (10-save-comments.md)
    // exercises/instructions/10-save-comments.md; in Russian: exercises/instructions/ru/10-save-comments.md
    // catch-up }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserEntity author;

    // catch-up ex1 {
    // TODO exercise 1: map this list as the other side of CommentEntity.post (01-map-comments.md); @Transient
    // tells Hibernate to ignore the field until then. Exercise 4 adds the cascade (04-cascade.md).
    // exercises/instructions/01-map-comments.md; in Russian: exercises/instructions/ru/01-map-comments.md
    @Transient
    // catch-up }
    private List<CommentEntity> comments = new ArrayList<>();

    protected PostEntity() {
        // for Hibernate
    }

    public PostEntity(String title, String content) {
        this.title = title;
        this.content = content;
    }

    /** Adds a comment to this post and makes this post the comment's post: both sides in step. */
    public void addComment(CommentEntity comment) {
        // catch-up ex1 {
        // TODO exercise 1: keep both sides in step (01-map-comments.md)
        // exercises/instructions/01-map-comments.md; in Russian: exercises/instructions/ru/01-map-comments.md
        throw Exercise.MAP_COMMENTS.notSolved();
        // catch-up }
    }

    /** Removes a comment from this post; with {@code orphanRemoval} it is deleted at commit. */
    public void removeComment(CommentEntity comment) {
        // catch-up ex4 {
        // TODO exercise 4: keep both sides in step (04-cascade.md)
        // exercises/instructions/04-cascade.md; in Russian: exercises/instructions/ru/04-cascade.md
        throw Exercise.CASCADE.notSolved();
        // catch-up }
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public String getTitle() {
        return title;
    }

    @Override
    public String getContent() {
        return content;
    }

    @Override
    public long getVersion() {
        // catch-up ex10 {
        // TODO exercise 10: map posts.version (10-save-comments.md)
        // exercises/instructions/10-save-comments.md; in Russian: exercises/instructions/ru/10-save-comments.md
        throw Exercise.SAVE_COMMENTS.notSolved();
        // catch-up }
    }

    /** Exercise 10: the post's own columns, as a draft has them. */
    public void edit(String title, String content) {
        this.title = title;
        this.content = content;
    }

    @Override
    public UserEntity getAuthor() {
        return author;
    }

    /** Package-private: use {@link UserEntity#addPost(PostEntity)}, which keeps both sides in step. */
    void setAuthor(UserEntity author) {
        this.author = author;
    }

    @Override
    public List<CommentEntity> getComments() {
        return comments;
    }

    @Override
    public String toString() {
        return "PostEntity[id=" + id + ", title=" + title + "]";
    }
}
