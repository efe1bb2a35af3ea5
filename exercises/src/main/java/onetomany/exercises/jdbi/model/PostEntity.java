package onetomany.exercises.jdbi.model;

import java.util.ArrayList;
import java.util.List;

import onetomany.exercises.contract.VersionedPost;
import onetomany.exercises.contract.Exercise;

/** {@code posts}: the author as in module-jdbi; the comments are the exercises'. */
public class PostEntity implements VersionedPost {

    private final Long id;

    private final String title;

    private final String content;

    private UserEntity author;

    /** Exercise 10: {@code posts.version}; 0 when the query did not read it. */
    private final long version;

    /** Exercise 1: a plain list, filled by the repository's reducers. */
    private final List<CommentEntity> comments = new ArrayList<>();

    public PostEntity(Long id, String title, String content) {
        this(id, title, content, 0);
    }

    /** Exercise 10: a post with its version. */
    public PostEntity(Long id, String title, String content, long version) {
        this.id = id;
        this.title = title;
        this.content = content;
        this.version = version;
    }

    /** Adds a comment to this post and makes this post the comment's post: both sides in step, in memory only. */
    public void addComment(CommentEntity comment) {
        // catch-up ex1 {
        // TODO exercise 1: keep both sides in step (01-map-comments.md)
        // exercises/instructions/01-map-comments.md; in Russian: exercises/instructions/ru/01-map-comments.md
        throw Exercise.MAP_COMMENTS.notSolved();
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
        return version;
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
