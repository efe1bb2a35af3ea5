package onetomany.benchmarks;

import java.util.List;

import onetomany.contract.User;
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
 * The other forms of the eager read ({@link Tuned}), all users with their posts, 10,000 users × 10 posts (in one
 * join, but Spring Data JDBC's own loading): to be set beside {@code UsersWithPostsBenchmark.joined} at 10,000 (each
 * module's read and the floor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
public class TunedReadBenchmark {

    @Param("10000")
    public int users;

    @Param({"jpa-plain-session", "jpa-stateless", "jpa-tuples", "mybatis-flat", "jdbi-label-per-row",
            "jdbi-by-index", "jooq-result", "jooq-multiset", "springdatajdbc-repository",
            "springdatajdbc-single-query"})
    public String form;

    private Bench bench;
    private Tuned.Reader reader;

    @Setup(Level.Trial)
    public void setUp() {
        bench = Bench.seeded(users);
        reader = Tuned.of(form).open(bench.database.dataSource());
    }

    @Setup(Level.Iteration)
    public void forgetStatements() {
        bench.forgetStatements();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reader.close();
        bench.close();
    }

    @Benchmark
    public List<? extends User> joined() {
        return reader.usersWithPosts();
    }
}
