package onetomany.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Delete a user with his 10 posts (the cascade), one unit of work, in a database of 1,000 users × 10 posts. Each
 * call needs a user to delete: a per-invocation setup writes one with plain JDBC, outside the measured time. JMH
 * warns that per-invocation fixtures add timestamping overhead; beside a delete's own time (the README's table) it is
 * small.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
public class DeleteUserBenchmark {

    /** The floor here; every subject when run by {@link BenchmarkRunner}, which sets {@link Subjects#keys()}. */
    @Param(Subjects.FLOOR)
    public String library;

    private Bench bench;
    private Subject subject;
    private long victim;

    @Setup(Level.Trial)
    public void setUp() {
        bench = Bench.seeded(1_000);
        subject = Subjects.open(library, bench.database.dataSource());
    }

    @Setup(Level.Iteration)
    public void forgetStatements() {
        bench.forgetStatements();
    }

    @Setup(Level.Invocation)
    public void seedVictim() {
        victim = bench.seedUserToDelete();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
        bench.close();
    }

    @Benchmark
    public void deleteUserWithPosts() {
        subject.deleteUser(victim);
    }
}
