package onetomany.jooq.model;

import onetomany.contract.Post;

/**
 * {@code posts}: the "many" side, which owns the foreign key.
 *
 * <p>A plain object, not jOOQ's generated {@code PostsRecord}: jOOQ knows nothing about it beyond the record mapper
 * that builds it ({@code onetomany.jooq.UserPostRecordMappers}). A record is one row with its changed flags, and has
 * no {@code author}: the graph the contract returns is these classes. {@code author} is SQLAlchemy's
 * {@code author = relationship("User", back_populates="posts")}; the column {@code user_id} behind it is written
 * by the repository's SQL, and only the database's foreign key and {@code not null} guard it. The id comes from
 * the database (a generated key or a selected column), so it is a constructor argument and never changes.
 */
public class PostEntity implements Post {

    private final Long id;

    private String title;

    /** A {@code clob} column, read as a String by the record mapper (jOOQ maps a {@code clob} to String). */
    private String content;

    private UserEntity author;

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

    /** Package-private: use {@link UserEntity#addPost(PostEntity)}, which keeps both sides in step. */
    void setAuthor(UserEntity author) {
        this.author = author;
    }

    @Override
    public String toString() {
        return "PostEntity[id=" + id + ", title=" + title + "]";
    }
}
