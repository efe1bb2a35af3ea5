package onetomany.benchmarks;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import onetomany.contract.LoadStrategy;
import onetomany.fixtures.StreamWalk;
import onetomany.contract.User;
import onetomany.contract.UserPostRepository;

/**
 * The heap a large read needs, measured in a JVM of its own that {@link LargeMeasurements} starts with a given
 * {@code -Xmx}: it connects to the database the runner seeded (H2 through a TCP server, so that the data is not in
 * this heap), builds one module's repository and reads every user with his posts twice, the first read filling the
 * library's and the driver's caches, the second measured.
 *
 * <pre>
 * java -Xmx64m -cp benchmarks.jar onetomany.benchmarks.HeapWalk LIBRARY JDBC_URL USER PASSWORD stream|JOINED
 * </pre>
 *
 * What it measures is the runner's retained heap, heap in use after a full GC minus before the read
 * ({@link Measurements#usedAfterGc()}): for {@code JOINED}, with the whole list held after it was read; for the
 * stream, with the walk open and one user in hand, sampled at 5 users spread over the walk, the largest sample kept.
 * Every user is checked as it comes by test-harness's {@link StreamWalk} (ids ascending, 5 posts in id order, each
 * post's author this very user) and counted. The last line is
 * {@code walked users=... posts=... postIdSum=... retainedBytes=... peakHeapBytes=...}; the exit status is 0, 1
 * when a check failed, 3 ({@code -XX:+ExitOnOutOfMemoryError}) when the heap ran out.
 */
public final class HeapWalk {

    private static final int SAMPLES = 5;

    private HeapWalk() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: HeapWalk LIBRARY JDBC_URL USER PASSWORD stream|JOINED");
            System.exit(2);
        }
        boolean stream = args[4].equals("stream");
        StreamWalk measured;
        long retained;
        try (HikariDataSource dataSource = StreamWalk.pool(args[1], args[2], args[3]);
             UserPostRepository repository = LargeReadBenchmark.repository(args[0], dataSource)) {
            StreamWalk first = new StreamWalk(LargeReadBenchmark.POSTS_PER_USER);
            if (stream) {
                repository.forEachUserWithPosts(first::check);
            } else {
                repository.findAllUsersWithPosts(LoadStrategy.JOINED).forEach(first::check);
            }
            StreamWalk walk = new StreamWalk(LargeReadBenchmark.POSTS_PER_USER);
            long before = Measurements.usedAfterGc();
            if (stream) {
                long every = Math.max(1, first.users() / SAMPLES);
                long[] largest = {0};
                repository.forEachUserWithPosts(user -> {
                    walk.check(user);
                    if (walk.users() % every == every / 2) {
                        largest[0] = Math.max(largest[0], Measurements.usedAfterGc() - before);
                    }
                });
                retained = largest[0];
            } else {
                List<User> all = repository.findAllUsersWithPosts(LoadStrategy.JOINED);
                retained = Measurements.usedAfterGc() - before;
                all.forEach(walk::check);
            }
            if (walk.users() != first.users() || walk.postIdSum() != first.postIdSum()) {
                throw new AssertionError("the two reads differ: " + first.users() + " and " + walk.users() + " users");
            }
            measured = walk;
        } catch (RuntimeException | AssertionError e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.printf("walked users=%d posts=%d postIdSum=%d retainedBytes=%d peakHeapBytes=%d%n",
                measured.users(), measured.posts(), measured.postIdSum(), retained, StreamWalk.peakHeapBytes());
    }
}
