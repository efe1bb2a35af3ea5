package onetomany.mybatis.mapper;

import java.util.List;

import onetomany.contract.PostSummary;
import onetomany.mybatis.model.PostEntity;
import onetomany.mybatis.model.UserEntity;
import org.apache.ibatis.annotations.Flush;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ResultHandler;

/**
 * The statements of {@code UserPostMapper.xml} beside it (same package, same name: that is how
 * {@code Configuration.addMapper} finds the XML). MyBatis implements this interface with a proxy; each method
 * runs the statement whose id is its name, in the XML's namespace, which is this interface's name.
 *
 * <p>{@code @Param} names the parameters for {@code #{...}}: without it (and without compiling with
 * {@code -parameters}) they would be {@code param1}, {@code param2}.
 */
public interface UserPostMapper {

    /**
     * A post's row and its user's id, mapped flat through the constructor: the posts of {@code SELECT_IN} and
     * {@code SUBQUERY}, which the repository adds to their users by id.
     */
    record PostRow(long userId, long id, String title, String content) {
    }

    // Reads ---------------------------------------------------------------------------------------------------

    /** users left join posts for one user: one row per post, folded into one user; null if there is none. */
    UserEntity findUserWithPosts(@Param("id") long id);

    /** users left join posts, every user: {@code JOINED}. */
    List<UserEntity> findAllUsersWithPostsJoined();

    /** The users alone: the first statement of {@code SELECT_IN}. */
    List<UserEntity> findAllUsers();

    /** The posts of the given users in one {@code in (...)}: each statement after the first of {@code SELECT_IN}. */
    void findPostsOfUsers(@Param("userIds") List<Long> userIds, ResultHandler<PostRow> handler);

    /** The posts of every user of {@link #findAllUsers()}, as its subquery: the 2nd statement of {@code SUBQUERY}. */
    void findPostsOfAllUsers(ResultHandler<PostRow> handler);

    /** users left join posts, every user, read as the rows come: the stream. Close it (or its session). */
    Cursor<UserEntity> streamAllUsersWithPosts();

    /** The users, and through a nested select one more statement per user for its posts: {@code NAIVE}. */
    List<UserEntity> findAllUsersThenPostsOneByOne();

    /** posts join users, one row per post, each with its own copy of the author. */
    List<PostEntity> findAllPostsWithAuthors();

    /** The users after {@code afterUserId}, ordered by id, at most {@code limit}: the first statement of a page. */
    List<UserEntity> findUsersAfter(@Param("afterUserId") long afterUserId, @Param("limit") int limit);

    /** posts join users, four columns a row, each row one {@link PostSummary} built through its constructor. */
    List<PostSummary> findPostSummaries();

    // Writes --------------------------------------------------------------------------------------------------

    /** Inserts the user and sets its generated id. */
    void insertUser(UserEntity user);

    /** Inserts the post for the given user id and sets the post's generated id. */
    void insertPost(@Param("post") PostEntity post, @Param("userId") Long userId);

    /** Bumps a user's version, which locks his row until the end of the transaction; 0 when there is no such user. */
    int bumpVersion(@Param("id") long id);

    /** The id of the post's user, read without a lock; null when there is no such post. */
    Long userOfPost(@Param("postId") long postId);

    /** Sets the user's name and bumps his version if it is still {@code version}; 0 rows otherwise (batched). */
    int updateUserOfVersion(@Param("id") long id, @Param("name") String name, @Param("version") long version);

    /** Replaces a post's title and content if it is the user's (batched: the count comes from {@link #flush()}). */
    int editPostOfUser(@Param("post") PostEntity post, @Param("userId") long userId);

    /**
     * Sends the statements a batch session has queued, one JDBC batch per statement in a row of the same SQL
     * ({@code SqlSession.flushStatements()}); each result holds its batch's row counts. Nothing in a simple session.
     */
    @Flush
    List<BatchResult> flush();

    /** Locks a user's row until the end of the transaction; null when there is no such user. */
    Long lockUser(long id);

    /** @return the rows deleted: 0 when the post does not exist or belongs to another user */
    int deletePostOfUser(@Param("postId") long postId, @Param("userId") long userId);

    /** @return the rows updated: 0 when there is no such user */
    int renameUser(@Param("id") long id, @Param("name") String name);

    /** @return the rows updated: 0 when there is no such post, or it is not the user's */
    int editPost(@Param("id") long id, @Param("userId") long userId, @Param("title") String title,
                 @Param("content") String content);

    /** @return the rows deleted, 0 or more */
    int deletePostsOfUser(@Param("userId") long userId);

    /** @return the rows deleted: 0 when there is no such user */
    int deleteUser(@Param("id") long id);
}
