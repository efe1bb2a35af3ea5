package onetomany.benchmarks;

import java.sql.SQLException;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every benchmark of a library against the floor shares: a database seeded with {@link #users()} users of 10
 * posts, the library under test on its counting DataSource, and the statement log emptied between iterations. A
 * subclass adds its {@code @Benchmark} methods (their JMH ids are the subclass's) and any setup of its own.
 */
@State(Scope.Benchmark)
public abstract class SubjectBenchmark {

    /** The floor here; every subject when run by {@link BenchmarkRunner}, which sets {@link Subjects#keys()}. */
    @Param(Subjects.FLOOR)
    public String library;

    protected Bench bench;
    protected Subject subject;

    /** The users the database is seeded with, each with {@link Bench#POSTS_PER_USER} posts. */
    protected abstract int users();

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        bench = Bench.seeded(users());
        subject = Subjects.open(library, bench.database.dataSource());
        seeded();
    }

    /**
     * A subclass's own setup once the database is seeded: a {@code @Setup} method of its own could run before this
     * class's (JMH does not promise the order), when there is no database yet.
     */
    protected void seeded() throws SQLException {
    }

    @Setup(Level.Iteration)
    public void forgetStatements() {
        bench.forgetStatements();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
        bench.close();
    }
}
