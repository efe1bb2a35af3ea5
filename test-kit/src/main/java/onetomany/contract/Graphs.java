package onetomany.contract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks what a repository returned: every user, every post, both directions. Describing a graph touches all
 * of it, so a lazy collection left behind shows up (as statements, or as a lazy-loading error).
 */
public final class Graphs {

    private Graphs() {
    }

    static String user(long id, String name) {
        return "user " + id + " " + name;
    }

    static String post(long id, String title, String content) {
        return "  post " + id + " " + title + " / " + content;
    }

    /** One line per user, then one per post of that user, in the order the lists hold them. */
    public static List<String> describeUsers(List<? extends User> users) {
        List<String> lines = new ArrayList<>();
        for (User u : users) {
            lines.add(user(u.getId(), u.getName()));
            for (Post p : u.getPosts()) {
                lines.add(post(p.getId(), p.getTitle(), p.getContent()));
            }
        }
        return lines;
    }

    /** One line per post with its author. */
    public static List<String> describePosts(List<? extends Post> posts) {
        List<String> lines = new ArrayList<>();
        for (Post p : posts) {
            lines.add(post(p.getId(), p.getTitle(), p.getContent())
                    + " by " + user(p.getAuthor().getId(), p.getAuthor().getName()));
        }
        return lines;
    }

    /** {@code user.posts} and {@code post.author} are the two ends of one relationship: same instances. */
    public static void assertBackReferences(List<? extends User> users) {
        for (User u : users) {
            for (Post p : u.getPosts()) {
                assertThat(p.getAuthor())
                        .as("post %d's author must be the very user whose posts hold it", p.getId())
                        .isSameAs(u);
            }
        }
    }

    /**
     * Posts by one user share one author instance, and that author's posts are exactly those posts, the same
     * instances, in id order.
     */
    public static void assertSharedAuthors(List<? extends Post> posts) {
        Map<Long, User> authorById = new java.util.HashMap<>();
        Map<User, List<Post>> postsByAuthor = new IdentityHashMap<>();
        for (Post p : posts) {
            User author = p.getAuthor();
            User first = authorById.putIfAbsent(author.getId(), author);
            assertThat(author).as("every post by user %d must share one author instance", author.getId())
                    .isSameAs(first == null ? author : first);
            postsByAuthor.computeIfAbsent(author, a -> new ArrayList<>()).add(p);
        }
        postsByAuthor.forEach((author, expected) -> {
            List<? extends Post> actual = author.getPosts();
            assertThat(actual).as("user %d's posts", author.getId()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("user %d's post #%d", author.getId(), i).isSameAs(expected.get(i));
            }
        });
    }
}
