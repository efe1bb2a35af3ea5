package onetomany.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Delete a user with his 10 posts (the cascade), one unit of work, in a database of 1,000 users × 10 posts. Each
 * call needs a user to delete: a per-invocation setup writes one with plain JDBC, outside the measured time. JMH
 * warns that per-invocation fixtures add timestamping overhead; beside a delete's own time (the README's table) it is
 * small.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
public class DeleteUserBenchmark extends SubjectBenchmark {

    private long victim;

    @Override
    protected int users() {
        return 1_000;
    }

    @Setup(Level.Invocation)
    public void seedVictim() {
        victim = bench.seedUserToDelete();
    }

    @Benchmark
    public void deleteUserWithPosts() {
        subject.deleteUser(victim);
    }
}
