package onetomany.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import onetomany.fixtures.Fixtures;
import onetomany.contract.LoadStrategy;
import onetomany.db.Database;

/**
 * What JMH does not measure: the statements each strategy sends versus N (the contract's counts, measured), and
 * the heap each read's result retains, on the data of its benchmark: every library's reads, and every form of the
 * eager read at 10,000 users × 10 posts.
 */
final class Measurements {

    static final int[] N = {1, 10, 100, 1_000, 10_000};
    /** Statements do not depend on how many posts a user has: one each keeps the counting quick. */
    static final int POSTS_PER_USER_COUNTED = 1;

    /** "JOINED jpa" and the like, to the statements sent for each N of {@link #N}. */
    final Map<String, List<Integer>> statements = new LinkedHashMap<>();
    /** A library or tuned reader's key, to the bytes its result of all users with posts retains (10,000 users). */
    final Map<String, Long> retainedBytes = new LinkedHashMap<>();
    /** A read benchmark and its users ("UsersWithPostsBenchmark.joined 1000"), to each library's retained bytes. */
    final Map<String, Map<String, Long>> retainedByRead = new LinkedHashMap<>();
    String database;
    private Runnable forgetStatements = () -> { };

    private Measurements() {
    }

    static Measurements take() {
        Measurements m = new Measurements();
        try (Database database = Database.open()) {
            m.database = database.description();
            m.forgetStatements = database.statements()::reset;
            List<Subject> subjects = new ArrayList<>();
            for (String library : Subjects.keys()) {
                subjects.add(Subjects.open(library, database.dataSource()));
            }
            for (LoadStrategy strategy : LoadStrategy.values()) {
                for (String library : Subjects.keys()) {
                    m.statements.put(strategy + " " + library, new ArrayList<>());
                }
            }
            for (String library : Subjects.keys()) {
                m.statements.put("posts with authors " + library, new ArrayList<>());
            }
            for (int n : N) {
                new Fixtures(database.unproxiedDataSource()).seedBlogUsers(n, POSTS_PER_USER_COUNTED);
                for (String library : Subjects.keys()) {
                    Subject subject = subjects.get(Subjects.keys().indexOf(library));
                    for (LoadStrategy strategy : LoadStrategy.values()) {
                        database.statements().reset();
                        subject.usersWithPosts(strategy);
                        m.statements.get(strategy + " " + library).add(database.statements().count());
                    }
                    database.statements().reset();
                    subject.postsWithAuthors();
                    m.statements.get("posts with authors " + library).add(database.statements().count());
                }
            }
            // Then the data of the read benchmarks, and what each read's result keeps alive.
            for (int users : new int[] {1_000, 10_000}) {
                new Fixtures(database.unproxiedDataSource()).seedBlogUsers(users, Bench.POSTS_PER_USER);
                for (String library : Subjects.keys()) {
                    Subject subject = subjects.get(Subjects.keys().indexOf(library));
                    long joined = m.retain("UsersWithPostsBenchmark.joined", users, library,
                            () -> subject.usersWithPosts(LoadStrategy.JOINED));
                    m.retain("UsersWithPostsBenchmark.selectIn", users, library,
                            () -> subject.usersWithPosts(LoadStrategy.SELECT_IN));
                    if (users == 1_000) {
                        m.retain("NaiveBenchmark.naive", users, library,
                                () -> subject.usersWithPosts(LoadStrategy.NAIVE));
                    } else {
                        m.retain("PostsWithAuthorsBenchmark.postsWithAuthors", users, library,
                                subject::postsWithAuthors);
                        m.retain("PostSummariesBenchmark.postSummaries", users, library, subject::postSummaries);
                        m.retainedBytes.put(library, joined);
                    }
                    database.statements().reset();
                }
            }
            for (Tuned tuned : Tuned.values()) {
                try (Tuned.Reader reader = tuned.open(database.dataSource())) {
                    m.retainedBytes.put(tuned.key, retained(reader::usersWithPosts, m.forgetStatements));
                }
                database.statements().reset();
            }
            subjects.forEach(Subject::close);
        }
        return m;
    }

    private long retain(String benchmark, int users, String library, Supplier<?> read) {
        long bytes = retained(read, forgetStatements);
        retainedByRead.computeIfAbsent(benchmark + " " + users, key -> new LinkedHashMap<>()).put(library, bytes);
        return bytes;
    }

    /**
     * Heap in use after a full GC with the result held, minus before it was read; after one read that fills the
     * database's and the library's caches for this data, so that only the result is counted. The statement log is
     * emptied before each measure: it keeps every statement sent (1,001 for the N+1 read), which is not the result.
     */
    private static long retained(Supplier<?> read, Runnable forgetStatements) {
        read.get();
        forgetStatements.run();
        long before = usedAfterGc();
        Object result = read.get();
        forgetStatements.run();
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(result);
        return after - before;
    }

    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
