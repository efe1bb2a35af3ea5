package onetomany.benchmarks;

import java.util.List;

import onetomany.contract.PostSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * All posts with their authors' names as plain records (1 statement, a projection), 10,000 users × 10 posts: the
 * same 100,000 posts as {@link PostsWithAuthorsBenchmark}, without the content column and without entities.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
public class PostSummariesBenchmark extends SubjectBenchmark {

    @Param("10000")
    public int users;

    @Override
    protected int users() {
        return users;
    }

    @Benchmark
    public List<PostSummary> postSummaries() {
        return subject.postSummaries();
    }
}
