package onetomany.exercises.jdbi.model;

import onetomany.exercises.contract.Comment;

/** {@code comments}: the "many" side; the repository's insert writes {@code post_id}. */
public class CommentEntity implements Comment {

    private final Long id;

    private final String body;

    /** Exercise 1: linked by {@link PostEntity#addComment(CommentEntity)}, never by the row mapper. */
    private PostEntity post;

    public CommentEntity(Long id, String body) {
        this.id = id;
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
