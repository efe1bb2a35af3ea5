package onetomany.benchmarks;

import java.util.ArrayList;
import java.util.List;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Create a user with 10 posts, one unit of work, in a database of 1,000 users × 10 posts (which grows). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
public class CreateUserBenchmark extends SubjectBenchmark {

    private NewUser newUser;

    @Override
    protected int users() {
        return 1_000;
    }

    @Setup(Level.Trial)
    public void draftNewUser() {
        List<NewPost> posts = new ArrayList<>();
        for (int p = 1; p <= Bench.POSTS_PER_USER; p++) {
            posts.add(new NewPost("Post " + p, "The content of post " + p + ", a line of text."));
        }
        newUser = new NewUser("New user", posts);
    }

    @Benchmark
    public User createUserWithPosts() {
        return subject.createUserWithPosts(newUser);
    }
}
