package onetomany.benchmarks;

import onetomany.contract.Post;

/** The "many" side of {@link PlainUser}; its author is set by {@link PlainUser#addPost(PlainPost)}. */
public final class PlainPost implements Post {

    private final Long id;
    private final String title;
    private final String content;
    PlainUser author;

    public PlainPost(long id, String title, String content) {
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

    @Override
    public String getContent() {
        return content;
    }

    @Override
    public PlainUser getAuthor() {
        return author;
    }
}
