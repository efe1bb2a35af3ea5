package onetomany.benchmarks;

import java.util.function.Function;

import javax.sql.DataSource;

/**
 * The other forms of the eager read ({@code JOINED}, all users with their posts), measured beside each module's
 * own at 10,000 users: a library's default read, a module's read before its tuning, and the tunings that stay out
 * of the modules. Each one is a class of its own in this package, with what it changes and its price.
 */
public enum Tuned {

    JPA_PLAIN_SESSION("jpa-plain-session", HibernatePlainSession::new),
    JPA_STATELESS("jpa-stateless", HibernateStateless::new),
    JPA_TUPLES("jpa-tuples", HibernateTuples::new),
    MYBATIS_FLAT("mybatis-flat", MyBatisFlat::new),
    JDBI_LABEL_PER_ROW("jdbi-label-per-row", JdbiLabelPerRow::new),
    JDBI_BY_INDEX("jdbi-by-index", JdbiByIndex::new),
    JOOQ_RESULT("jooq-result", JooqResult::new),
    JOOQ_MULTISET("jooq-multiset", JooqMultiset::new),
    SPRING_DATA_JDBC_REPOSITORY("springdatajdbc-repository", SpringDataJdbcRepository::new),
    SPRING_DATA_JDBC_SINGLE_QUERY("springdatajdbc-single-query", SpringDataJdbcSingleQuery::new);

    /** The name the tuned benchmark's {@code library} parameter uses. */
    public final String key;
    private final Function<DataSource, Reader> factory;

    Tuned(String key, Function<DataSource, Reader> factory) {
        this.key = key;
        this.factory = factory;
    }

    public Reader open(DataSource dataSource) {
        return factory.apply(dataSource);
    }

    public static Tuned of(String key) {
        for (Tuned tuned : values()) {
            if (tuned.key.equals(key)) {
                return tuned;
            }
        }
        throw new IllegalArgumentException("no tuned reader " + key);
    }

    /**
     * All users with their posts, in id order, as a complete graph: the contract's {@code JOINED} result. One
     * statement, but in Spring Data JDBC's own loading: 1 + N by default, and on H2 with single query loading too.
     */
    public interface Reader extends AutoCloseable {

        java.util.List<? extends onetomany.contract.User> usersWithPosts();

        @Override
        default void close() {
        }
    }
}
