package onetomany.benchmarks;

import java.util.List;

import onetomany.contract.LoadStrategy;
import onetomany.contract.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** All users with their posts, {@code NAIVE}: 1 + 1,000 statements, to show what N+1 costs in time. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
public class NaiveBenchmark extends SubjectBenchmark {

    @Param("1000")
    public int users;

    @Override
    protected int users() {
        return users;
    }

    @Benchmark
    public List<? extends User> naive() {
        return subject.usersWithPosts(LoadStrategy.NAIVE);
    }
}
