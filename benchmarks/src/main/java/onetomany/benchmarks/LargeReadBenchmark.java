package onetomany.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import onetomany.fixtures.Fixtures;
import onetomany.contract.LoadStrategy;
import onetomany.contract.User;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.libraries.Library;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A million posts, 200,000 users × 5, read two ways in each module: the stream ({@code forEachUserWithPosts}, one
 * user held at a time) and {@code JOINED} (the whole list held at once). Only the {@code large} profile runs it: one
 * read is seconds, so each iteration is one read ({@link Mode#SingleShotTime}). The heap each read needs is not
 * measured here but in JVMs of their own ({@link HeapWalk}); the stream is the modules' own, so the JDBC floor is not
 * among the subjects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LargeReadBenchmark {

    static final int USERS = 200_000;
    static final int POSTS_PER_USER = 5;
    /** The modules that have the stream: every library of the registry, by its key. */
    static final List<String> MODULES = Library.ALL.stream().map(Library::key).toList();

    /** A library's key; {@link BenchmarkRunner} gives JMH the registry's ({@link #MODULES}). */
    @Param({})
    public String library;

    private Database database;
    private UserPostRepository repository;

    /** The module's repository itself: the stream is not an operation of {@link Subject}, which the floor also is. */
    static UserPostRepository repository(String library, DataSource dataSource) {
        return Library.of(library).repository(dataSource);
    }

    @Setup(Level.Trial)
    public void setUp() {
        database = Database.open();
        // Set-based, as the large tests seed: two insert ... select statements, seconds for a million rows.
        new Fixtures(database.unproxiedDataSource()).manyUsersWithPosts(USERS, POSTS_PER_USER);
        repository = repository(library, database.dataSource());
    }

    @Setup(Level.Iteration)
    public void forgetStatements() {
        database.statements().reset();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        repository.close();
        database.close();
    }

    @Benchmark
    public void stream(Blackhole blackhole) {
        repository.forEachUserWithPosts(blackhole::consume);
    }

    @Benchmark
    public List<User> joined() {
        return repository.findAllUsersWithPosts(LoadStrategy.JOINED);
    }
}
