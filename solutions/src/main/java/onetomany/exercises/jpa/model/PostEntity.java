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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import onetomany.exercises.contract.VersionedPost;
import org.hibernate.annotations.BatchSize;
import org.hibernate.Length;

/** {@code posts}: the author as in module-jpa; the comments are the exercises'. */
@Entity
@Table(name = "posts")
public class PostEntity implements VersionedPost {

    // catch-up ex9 {
    /**
     * Exercise 9: with IDENTITY Hibernate must run each insert at once to learn its id, which rules out batching.
     * A pooled sequence hands Hibernate 1000 ids per call ({@code allocationSize} = the sequence's increment), so
     * the inserts wait for the flush and go in JDBC batches.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_ids")
    @SequenceGenerator(name = "post_ids", sequenceName = "post_ids", allocationSize = 1000)
    // catch-up }
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    /** Any length: clob (H2), text (PostgreSQL), longtext (MariaDB); @Lob would mean an oid on PostgreSQL. */
    @Column(length = Length.LONG32)
    private String content;

    // catch-up ex10 {
    /**
     * Exercise 10: optimistic locking. Hibernate adds {@code and version = ?} to the post's update and delete, sets
     * the new version, and throws when no row matched: someone else saved the post in between. A comment's edit,
     * or a comment added to or removed from {@code comments} (the mappedBy side), does not bump it: see
     * {@code JpaExercises.savePostWithComments}.
     */
    @Version
    private long version;
    // catch-up }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserEntity author;

    // catch-up ex1 {
    /**
     * Exercise 1: the inverse side, {@code mappedBy} the comment's {@code post}. Exercise 4: cascade and
     * delete-orphan, as on {@code user.posts}; {@code @BatchSize} lets a cascading delete load the comments of
     * up to 500 posts in one select instead of one select per post. It also sets the size of exercise 2's batch
     * fetching, over the session's: hence 500, the select-in's chunk.
     */
    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @BatchSize(size = 500)
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
        comments.add(comment);
        comment.setPost(this);
        // catch-up }
    }

    /** Removes a comment from this post; with {@code orphanRemoval} it is deleted at commit. */
    public void removeComment(CommentEntity comment) {
        // catch-up ex4 {
        comments.remove(comment);
        comment.setPost(null);
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
        return version;
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
