package onetomany.exercises.jpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import onetomany.exercises.contract.Comment;

/** {@code comments}: the "many" side, which owns the foreign key {@code post_id}. */
@Entity
@Table(name = "comments")
public class CommentEntity implements Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 1000)
    private String body;

    // catch-up ex1 {
    // TODO exercise 1: map the foreign key comments.post_id (01-map-comments.md); @Transient tells Hibernate to
    // ignore the field until then.
    // exercises/instructions/01-map-comments.md; in Russian: exercises/instructions/ru/01-map-comments.md
    @Transient
    // catch-up }
    private PostEntity post;

    protected CommentEntity() {
        // for Hibernate
    }

    public CommentEntity(String body) {
        this.body = body;
    }

    /**
     * A comment on a post known only by reference ({@code session.getReference}): sets the owning side alone,
     * because adding it to {@code post.comments} would load the post first.
     */
    public CommentEntity(PostEntity post, String body) {
        this.post = post;
        this.body = body;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public String getBody() {
        return body;
    }

    /** Exercise 10: a new body; dirty checking sends the update at the flush, if the body changed. */
    public void setBody(String body) {
        this.body = body;
    }

    @Override
    public PostEntity getPost() {
        return post;
    }

    /** Package-private: use {@link PostEntity#addComment(CommentEntity)}, which keeps both sides in step. */
    void setPost(PostEntity post) {
        this.post = post;
    }

    @Override
    public String toString() {
        return "CommentEntity[id=" + id + "]";
    }
}
