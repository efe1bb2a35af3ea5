package onetomany.contract;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The contract: what every library ({@code module-jpa}, {@code module-mybatis}, {@code module-jdbi}) implements,
 * and what the shared suites (module {@code shared-suites}, package {@code onetomany.suites}) check, statement by
 * statement.
 *
 * <p>Each method is one unit of work (one transaction). What it returns is complete when it returns: walking
 * the graph sends no SQL and never fails with a lazy-loading error. Users come ordered by id, each once; a
 * user's posts come ordered by id; a post's author is the same instance as the user whose list holds it.
 *
 * <p>"Statements" are JDBC executions counted by the proxy around the DataSource ({@code onetomany.db}); a JDBC
 * batch counts once. Reads cost the same in every library; what a write costs is each library's own
 * {@link #budget()}, because that is where they differ.
 *
 * <p>Bad input (a null or too long value, an id that does not exist) raises {@link RepositoryException} and
 * leaves the database exactly as it was. A text too long (in characters, that is code points) or holding a NUL
 * character is refused before any statement, the same on every database ({@link TextChecks}).
 */
public interface UserPostRepository extends AutoCloseable {

    /**
     * Creates a user together with its posts: saving the user saves its posts (SQLAlchemy's
     * {@code session.add(user1)}). Returns the new user, its id and every post's id filled in.
     * Costs {@link StatementBudget#createUserWithPosts(int)}.
     */
    User createUserWithPosts(NewUser user);

    /** One user with its posts, in exactly 1 statement; empty when there is no such user. */
    Optional<User> findUserWithPosts(long userId);

    /**
     * All users with their posts, in exactly {@link LoadStrategy#statements(int)} statements for N users:
     * {@link LoadStrategy#JOINED} 1, {@link LoadStrategy#SELECT_IN} 1 + &lceil;N / 500&rceil;,
     * {@link LoadStrategy#SUBQUERY} 2, {@link LoadStrategy#NAIVE} 1 + N (1 for every strategy when there is no
     * user). Users without posts are included with an empty list.
     */
    List<User> findAllUsersWithPosts(LoadStrategy strategy);

    /**
     * Every user with his posts, handed to {@code consumer} one at a time, in user id order, in exactly 1 statement
     * whose rows are streamed from the database: each user is complete when handed over (posts ordered by id, each
     * post's author this very user), and the repository holds at most one user's graph at a time, so the heap
     * needed does not grow with the table. SQLAlchemy's {@code yield_per}. Users without posts come with an empty
     * list.
     *
     * <p>A failure of the database or the library raises {@link RepositoryException}. When the consumer throws, the
     * read stops: the transaction is rolled back, the connection and the statement are closed, and the consumer's
     * own exception reaches the caller unchanged (not wrapped). Either way nothing stays open.
     */
    void forEachUserWithPosts(Consumer<? super User> consumer);

    /**
     * All posts ordered by id, each with its author, in exactly 1 statement (SQLAlchemy's
     * {@code joinedload(Post.author)}). Two posts by one user share one author instance, whose
     * {@link User#getPosts()} holds exactly those of its posts (all of them, since all posts are loaded).
     */
    List<Post> findAllPostsWithAuthors();

    /**
     * A page of users with their posts, for an endpoint that lists users: the users whose id is greater than
     * {@code afterUserId}, ordered by id, at most {@code limit} of them, each whole (all his posts, ordered by id,
     * each post's author this very user). Keyset pagination: the next page starts after the last id of this one
     * ({@code 0} for the first page), so a user added or deleted meanwhile never shifts a page.
     *
     * <p>The database applies the limit, never the program: exactly 2 statements, the page of users
     * ({@code where id > ? order by id limit ?}), then their posts ({@code where user_id in (...)}); 1 when the page
     * is empty. A join cannot be limited by users (its limit would count posts and cut a user's list).
     * {@link RepositoryException.Reason#INVALID_ARGUMENT} for a limit outside 1 to {@link Limits#PAGE_SIZE_MAX} or a
     * negative {@code afterUserId}, before any statement.
     */
    List<User> findUsersWithPostsPage(long afterUserId, int limit);

    /**
     * Every post, ordered by id, with its author's id and name, as plain records: a projection, in exactly
     * 1 statement ({@code posts join users}), which builds no entity and keeps no graph (what a list of posts on a
     * page needs, and the cheapest read of the contract).
     */
    List<PostSummary> findPostSummaries();

    /**
     * Adds a new post to an existing user and bumps his {@link User#getVersion()}; returns the post's id. A null
     * {@code userId} is a post without an author: {@link RepositoryException.Reason#MISSING_VALUE} for
     * {@code posts.user_id}. An id that does not exist: {@link RepositoryException.Reason#UNKNOWN_USER}. Costs
     * {@link StatementBudget#addPost()}.
     */
    long addPost(Long userId, NewPost post);

    /**
     * Removes a post from its user's posts; the post is deleted (SQLAlchemy's {@code delete-orphan}), and the user's
     * version bumped. {@link RepositoryException.Reason#UNKNOWN_POST} when the user has no such post.
     * Costs {@link StatementBudget#removePost(int)}.
     */
    void removePost(long userId, long postId);

    /** Renames a user and bumps his version. Costs {@link StatementBudget#renameUser()}. */
    void renameUser(long userId, String newName);

    /**
     * Replaces a post's title and content and bumps its user's version. Costs {@link StatementBudget#editPost()}.
     */
    void editPost(long postId, String newTitle, String newContent);

    /**
     * Saves a user's name and his complete list of posts as one unit of work: SQLAlchemy's unit of work, which finds
     * what changed in {@code user.posts} and writes only that, {@code cascade="all, delete-orphan"} included.
     * Afterwards the user's posts are exactly the draft's, in its order:
     * <ul>
     * <li>a draft post without an id is inserted (a new post);</li>
     * <li>a draft post whose title or content differs from the stored one is updated;</li>
     * <li>a draft post equal to the stored one is not touched: no statement is sent for it;</li>
     * <li>a stored post missing from the draft is deleted (delete-orphan).</li>
     * </ul>
     * If anything changed (the name or a post), the user's version is bumped once, checked against the draft's
     * in the same statement or before it; if nothing changed, nothing is written and the version stays.
     * Returns the saved user as {@link #findUserWithPosts(long)} would read it, without reading it again: the
     * draft's name, the new version, and his posts ordered by id (the kept ones, then the new ones in the draft's
     * order), every id filled in.
     *
     * <p>Refused, with nothing written:
     * <ul>
     * <li>{@link RepositoryException.Reason#UNKNOWN_USER}: there is no such user;</li>
     * <li>{@link RepositoryException.Reason#CONFLICT}: the draft's version is not the user's (he was changed
     *     since the draft was read: saving it would silently undo that change, a lost update), or another unit of
     *     work changed him while this one ran. Read the user again, re-apply, save again;</li>
     * <li>{@link RepositoryException.Reason#UNKNOWN_POST}: a draft post's id is not one of the user's posts
     *     (another user's post, or no post at all); the message names it;</li>
     * <li>{@link RepositoryException.Reason#MISSING_VALUE}, {@link RepositoryException.Reason#VALUE_TOO_LONG},
     *     {@link RepositoryException.Reason#INVALID_CHARACTER}: a null or too long name or title, or a NUL
     *     character in a text, as for the other writes.</li>
     * </ul>
     * Costs {@link StatementBudget#saveUserWithPosts(int, int, int, boolean)}.
     */
    User saveUserWithPosts(UserDraft draft);

    /**
     * Deletes a user and, in the same unit of work, all its posts (SQLAlchemy's {@code cascade="all"}).
     * {@link RepositoryException.Reason#UNKNOWN_USER} when there is no such user.
     * Costs {@link StatementBudget#deleteUser(int)}.
     */
    void deleteUser(long userId);

    /** What this implementation's writes cost in statements. */
    StatementBudget budget();

    /** Releases what the library holds (a session factory, for example); the DataSource is not closed. */
    @Override
    default void close() {
    }
}
