package onetomany.jpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import onetomany.contract.Post;
import org.hibernate.Length;

/**
 * {@code posts}: the "many" side, which owns the foreign key.
 *
 * <p>{@code author} is SQLAlchemy's {@code user_id = Column(ForeignKey("users.id"), nullable=False)} and
 * {@code author = relationship("User", back_populates="posts")} in one field: {@code @JoinColumn} names the
 * column, {@code optional = false} makes Hibernate refuse a post without an author before any SQL. {@code LAZY}
 * because a to-one is eager by default in JPA, which would hide an extra query behind every post.
 */
@Entity
@Table(name = "posts")
public class PostEntity implements Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    /**
     * A text column of any length: {@code clob} on H2, {@code text} on PostgreSQL, {@code longtext} on MariaDB.
     * A length over any varchar limit makes Hibernate expect exactly these instead of {@code varchar(255)}. Not
     * {@code @Lob}: on PostgreSQL that means an {@code oid} large object, and validation refuses {@code text}.
     */
    @Column(length = Length.LONG32)
    private String content;

    // tag::author[]
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserEntity author;
    // end::author[]

    protected PostEntity() {
        // for Hibernate
    }

    public PostEntity(String title, String content) {
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
