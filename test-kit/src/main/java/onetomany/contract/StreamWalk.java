package onetomany.contract;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The program {@link LargeStreamContract} starts in a JVM of its own, with a small heap: it connects to a database
 * another JVM seeded, builds one repository, walks every user with his posts and prints what it saw.
 *
 * <pre>
 * java -Xmx64m -cp ... onetomany.contract.StreamWalk REPOSITORY_CLASS JDBC_URL USER PASSWORD READ POSTS_PER_USER
 * </pre>
 *
 * {@code READ} is {@code stream} ({@code forEachUserWithPosts}) or a {@link LoadStrategy} name
 * ({@code findAllUsersWithPosts}, the whole list held at once: what the stream is compared with). Each user is
 * checked as it comes: ids ascending, exactly {@code POSTS_PER_USER} posts in id order, each post's author this
 * very user. The last line printed is {@code walked users=... posts=... postIdSum=... peakHeapMb=...}; the exit
 * status is 0 when every check passed, 1 otherwise (and 3, from {@code -XX:+ExitOnOutOfMemoryError}, when the
 * heap ran out).
 */
public final class StreamWalk {

    private long users;
    private long posts;
    private long postIdSum;
    private long lastUserId = Long.MIN_VALUE;
    private final int postsPerUser;

    /** A walk that expects {@code postsPerUser} posts of every user; {@link #check(User)} takes the users. */
    public StreamWalk(int postsPerUser) {
        this.postsPerUser = postsPerUser;
    }

    /** The small pool a walk in a JVM of its own reads through. */
    public static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    public long users() {
        return users;
    }

    public long posts() {
        return posts;
    }

    public long postIdSum() {
        return postIdSum;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println(
                    "usage: StreamWalk REPOSITORY_CLASS JDBC_URL USER PASSWORD stream|JOINED|... POSTS_PER_USER");
            System.exit(2);
        }
        StreamWalk walk = new StreamWalk(Integer.parseInt(args[5]));
        long start = System.nanoTime();
        try (HikariDataSource dataSource = pool(args[1], args[2], args[3]);
             UserPostRepository repository = (UserPostRepository) Class.forName(args[0])
                     .getConstructor(DataSource.class).newInstance(dataSource)) {
            if (args[4].equals("stream")) {
                repository.forEachUserWithPosts(walk::check);
            } else {
                List<User> all = repository.findAllUsersWithPosts(LoadStrategy.valueOf(args[4]));
                all.forEach(walk::check);
            }
        } catch (RuntimeException | AssertionError e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.printf("walked users=%d posts=%d postIdSum=%d peakHeapMb=%d seconds=%.1f%n", walk.users, walk.posts,
                walk.postIdSum, peakHeapBytes() >> 20, (System.nanoTime() - start) / 1e9);
    }

    /** Checks the next user as it comes (see the class comment), and counts him; an {@link AssertionError} if not. */
    public void check(User user) {
        if (user.getId() <= lastUserId) {
            throw new AssertionError("user " + user.getId() + " after user " + lastUserId);
        }
        lastUserId = user.getId();
        List<? extends Post> userPosts = user.getPosts();
        if (userPosts.size() != postsPerUser) {
            throw new AssertionError("user " + user.getId() + " has " + userPosts.size() + " posts");
        }
        long lastPostId = Long.MIN_VALUE;
        for (Post post : userPosts) {
            if (post.getId() <= lastPostId || post.getAuthor() != user) {
                throw new AssertionError("post " + post.getId() + " of user " + user.getId()
                        + " out of order or not pointing back to him");
            }
            lastPostId = post.getId();
            postIdSum += post.getId();
        }
        users++;
        posts += userPosts.size();
    }

    /** Every heap pool's peak use added up: at least the most heap this JVM ever used at once. */
    public static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
