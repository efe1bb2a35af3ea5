package onetomany.mybatis.model;

import onetomany.contract.Post;

/**
 * {@code posts}: the "many" side, which owns the foreign key.
 *
 * <p>A plain class: no annotation says which table or column it maps, the result maps of
 * {@code onetomany/mybatis/mapper/UserPostMapper.xml} do. {@code author} is SQLAlchemy's {@code user_id} and
 * {@code author = relationship("User", back_populates="posts")}: the insert writes {@code posts.user_id} itself,
 * and NOT NULL and the foreign key in the schema refuse a post without a valid author.
 */
public class PostEntity implements Post {

    private Long id;

    private String title;

    /** A {@code clob} column, read and written as a {@code String}. */
    private String content;

    private UserEntity author;

    public PostEntity() {
        // for MyBatis (no setter for id); public, or MyBatis throws and catches an exception per row (benchmarks/)
    }

    public PostEntity(String title, String content) {
        this.title = title;
        this.content = content;
    }

    /** A post read by the repository's own stitching ({@code SELECT_IN}, {@code SUBQUERY}). */
    public PostEntity(Long id, String title, String content) {
        this.id = id;
        this.title = title;
        this.content = content;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    @Override
    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    @Override
    public UserEntity getAuthor() {
        return author;
    }

    /**
     * Public, unlike the JPA model's: a post loaded by a nested select (the N+1 load) arrives in its user's list
     * without its author, since that select knows only the user id, and the repository points it back. Use
     * {@link UserEntity#addPost(PostEntity)} otherwise, which keeps both sides in step.
     */
    public void setAuthor(UserEntity author) {
        this.author = author;
    }

    @Override
    public String toString() {
        return "PostEntity[id=" + id + ", title=" + title + "]";
    }
}
