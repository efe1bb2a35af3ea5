package onetomany.exercises;

import java.util.ArrayList;
import java.util.List;

import onetomany.contract.Post;
import onetomany.contract.User;
import onetomany.exercises.contract.Comment;
import onetomany.exercises.contract.CommentedPost;
import onetomany.exercises.contract.CommentedUser;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks what an exercise returned, every level and both directions: a lazy collection left behind shows up as
 * statements or as a lazy-loading error. Lines match {@link CommentFixtures}' descriptions.
 */
public final class Trees {

    private Trees() {
    }

    static String user(long id, String name) {
        return "user " + id + " " + name;
    }

    static String post(long id, String title, int depth) {
        return "  ".repeat(depth) + "post " + id + " " + title;
    }

    static String comment(long id, String body, int depth) {
        return "  ".repeat(depth) + "comment " + id + " " + body;
    }

    /** Posts and their comments; every comment's post must be the very post that holds it. */
    public static List<String> describePosts(List<? extends CommentedPost> posts) {
        List<String> lines = new ArrayList<>();
        for (CommentedPost post : posts) {
            lines.add(post(post.getId(), post.getTitle(), 0));
            addComments(lines, post, 1);
        }
        return lines;
    }

    /** Users, posts, comments; back references checked at both levels. */
    public static List<String> describeUsersPostsComments(List<? extends CommentedUser> users) {
        List<String> lines = new ArrayList<>();
        for (CommentedUser user : users) {
            lines.add(user(user.getId(), user.getName()));
            for (CommentedPost post : user.getPosts()) {
                assertThat(post.getAuthor()).as(say("common.post_author", post.getId())).isSameAs(user);
                lines.add(post(post.getId(), post.getTitle(), 1));
                addComments(lines, post, 2);
            }
        }
        return lines;
    }

    /** Users and posts; each post's author must be the very user whose posts hold it. */
    public static List<String> describeUsersWithPosts(List<? extends User> users) {
        List<String> lines = new ArrayList<>();
        for (User user : users) {
            lines.add(user(user.getId(), user.getName()));
            for (Post post : user.getPosts()) {
                assertThat(post.getAuthor()).as(say("common.post_author", post.getId())).isSameAs(user);
                lines.add(post(post.getId(), post.getTitle(), 1));
            }
        }
        return lines;
    }

    private static void addComments(List<String> lines, CommentedPost post, int depth) {
        for (Comment comment : post.getComments()) {
            assertThat(comment.getPost()).as(say("common.comment_post", comment.getId())).isSameAs(post);
            lines.add(comment(comment.getId(), comment.getBody(), depth));
        }
    }
}
