package onetomany.exercises.mybatis.model;

import java.util.ArrayList;
import java.util.List;

import onetomany.exercises.contract.VersionedPost;
import onetomany.exercises.contract.Exercise;

/** {@code posts}: the author as in module-mybatis; the comments are the exercises'. */
public class PostEntity implements VersionedPost {

    private Long id;

    private String title;

    private String content;

    private UserEntity author;

    /** Exercise 10: {@code posts.version}, when the select reads it. */
    private long version;

    /** Exercise 1: filled by a {@code <collection>} of a result map; nothing in MyBatis writes it back. */
    private List<CommentEntity> comments = new ArrayList<>();

    protected PostEntity() {
        // for MyBatis
    }

    public PostEntity(String title, String content) {
        this.title = title;
        this.content = content;
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

    /** Exercise 10: the post as saved, in memory. */
    public void saved(String title, String content, long version) {
        this.title = title;
        this.content = content;
        this.version = version;
    }

    @Override
    public UserEntity getAuthor() {
        return author;
    }

    /** Public: a post loaded alone is linked to its author by the repository. */
    public void setAuthor(UserEntity author) {
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
