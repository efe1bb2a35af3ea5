package onetomany.benchmarks;

import onetomany.contract.User;
import onetomany.contract.UserDraft;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Save a user with his 10 posts from a draft, one unit of work: 2 posts added, 2 edited, 1 removed, 7 unchanged, in
 * a database of 1,000 users × 10 posts. Each call needs a user at the draft's version: a per-invocation setup writes
 * one with plain JDBC, outside the measured time, as {@link DeleteUserBenchmark} does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
public class SaveUserBenchmark extends SubjectBenchmark {

    private UserDraft draft;

    @Override
    protected int users() {
        return 1_000;
    }

    @Setup(Level.Invocation)
    public void seedUserToSave() {
        draft = bench.seedUserToSave();
    }

    @Benchmark
    public User saveUserWithPosts() {
        return subject.saveUserWithPosts(draft);
    }
}
