package onetomany.exercises.mybatis.model;

import onetomany.exercises.contract.Comment;

/** {@code comments}: the "many" side; its insert writes {@code post_id}. */
public class CommentEntity implements Comment {

    private Long id;

    private String body;

    /** Exercise 1: the post, linked by a result map's {@code <association>} (or by {@link PostEntity#addComment}). */
    private PostEntity post;

    protected CommentEntity() {
        // for MyBatis
    }

    public CommentEntity(String body) {
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

    /** Exercise 10: the body as saved, in memory. */
    public void setBody(String body) {
        this.body = body;
    }

    @Override
    public PostEntity getPost() {
        return post;
    }

    /** Public: a comment loaded by its own select (select-in) is linked to its post by the repository. */
    public void setPost(PostEntity post) {
        this.post = post;
    }

    @Override
    public String toString() {
        return "CommentEntity[id=" + id + "]";
    }
}
