package onetomany.benchmarks;

import java.util.List;

import onetomany.contract.Post;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** All posts with their authors (1 statement), 10,000 users × 10 posts: 100,000 posts sharing 10,000 authors. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
public class PostsWithAuthorsBenchmark extends SubjectBenchmark {

    @Param("10000")
    public int users;

    @Override
    protected int users() {
        return users;
    }

    @Benchmark
    public List<? extends Post> postsWithAuthors() {
        return subject.postsWithAuthors();
    }
}
