package onetomany.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import onetomany.contract.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A page of {@value #LIMIT} users with their posts (2 statements: the users with a limit, then their posts), from the
 * middle of 10,000 users × 10 posts: what an endpoint that lists users costs, against the whole read of
 * {@link UsersWithPostsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
public class PageBenchmark extends SubjectBenchmark {

    /** The users of a page. */
    static final int LIMIT = 50;

    @Param("10000")
    public int users;

    /** The id the page starts after: the id of the user in the middle. */
    private long afterUserId;

    @Override
    protected int users() {
        return users;
    }

    @Override
    protected void seeded() throws SQLException {
        afterUserId = middleUserId(bench, users);
    }

    /** The id of the user at {@code users / 2} in id order, read by plain JDBC (not counted). */
    static long middleUserId(Bench bench, int users) throws SQLException {
        try (Connection c = bench.database.unproxiedDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select id from users order by id limit 1 offset ?")) {
            ps.setInt(1, users / 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Benchmark
    public List<? extends User> page() {
        return subject.usersPage(afterUserId, LIMIT);
    }
}
