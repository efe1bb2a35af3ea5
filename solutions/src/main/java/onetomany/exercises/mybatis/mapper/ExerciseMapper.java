package onetomany.exercises.mybatis.mapper;

import java.util.List;

import onetomany.exercises.contract.PostCount;
import onetomany.exercises.mybatis.model.CommentEntity;
import onetomany.exercises.mybatis.model.PostEntity;
import onetomany.exercises.mybatis.model.UserEntity;
import org.apache.ibatis.annotations.Param;

/** The statements of {@code ExerciseMapper.xml} beside it, one method per statement id. */
public interface ExerciseMapper {

    // 1. Map comments
    void insertComment(@Param("comment") CommentEntity comment, @Param("postId") long postId);

    PostEntity findPostOfComment(@Param("commentId") long commentId);

    // 2. Load comments
    PostEntity findPostWithComments(@Param("postId") long postId);

    List<PostEntity> findAllPostsWithCommentsJoined();

    List<PostEntity> findAllPosts();

    List<CommentEntity> findCommentsOfPosts(@Param("postIds") List<Long> postIds);

    // 3. Three levels
    List<UserEntity> findAllUsersWithPostsAndComments();

    // 4. Cascade
    int deleteCommentsOfUser(@Param("userId") long userId);

    int deletePostsOfUser(@Param("userId") long userId);

    int deleteUser(@Param("userId") long userId);

    int deleteCommentOfPost(@Param("postId") long postId, @Param("commentId") long commentId);

    // 5. Count posts
    List<PostCount> countPostsPerUser();

    // 6. A page of users
    List<UserEntity> findAllUsersWithPosts();

    List<UserEntity> findPageOfUsersWithPosts(@Param("offset") int offset, @Param("size") int size);

    // 7. Move a post
    int updateAuthorOfPost(@Param("postId") long postId, @Param("userId") long userId);

    UserEntity findUserWithPosts(@Param("userId") long userId);

    // 8. Search
    List<String> findTitlesLike(@Param("pattern") String pattern);

    // 9. Batch insert
    void insertUser(UserEntity user);

    void insertPost(@Param("post") PostEntity post, @Param("userId") long userId);

    // 10. Save from a draft
    PostEntity findVersionedPostWithComments(@Param("postId") long postId);

    int updateVersionedPost(@Param("postId") long postId, @Param("version") long version,
                            @Param("title") String title, @Param("content") String content);

    int deleteCommentsOfPost(@Param("postId") long postId, @Param("commentIds") List<Long> commentIds);

    int updateCommentOfPost(@Param("postId") long postId, @Param("commentId") long commentId,
                            @Param("body") String body);
}
