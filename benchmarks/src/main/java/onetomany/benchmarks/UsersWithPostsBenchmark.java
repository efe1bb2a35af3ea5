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

/**
 * All users with their posts, {@code JOINED} (1 statement) and {@code SELECT_IN} (1 + one per 500 users), users × 10
 * posts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
public class UsersWithPostsBenchmark extends SubjectBenchmark {

    @Param({"1000", "10000"})
    public int users;

    @Override
    protected int users() {
        return users;
    }

    @Benchmark
    public List<? extends User> joined() {
        return subject.usersWithPosts(LoadStrategy.JOINED);
    }

    @Benchmark
    public List<? extends User> selectIn() {
        return subject.usersWithPosts(LoadStrategy.SELECT_IN);
    }
}
