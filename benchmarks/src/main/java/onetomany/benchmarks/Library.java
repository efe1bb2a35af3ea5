package onetomany.benchmarks;

import java.util.function.Function;

import javax.sql.DataSource;

import onetomany.jdbi.JdbiUserPostRepository;
import onetomany.jpa.JpaUserPostRepository;
import onetomany.mybatis.MyBatisUserPostRepository;

/** The four subjects of every benchmark: the three modules as they are, and the JDBC floor. */
public enum Library {

    JDBC("jdbc", JdbcFloor::new),
    JPA("jpa", dataSource -> Subject.of(new JpaUserPostRepository(dataSource))),
    MYBATIS("mybatis", dataSource -> Subject.of(new MyBatisUserPostRepository(dataSource))),
    JDBI("jdbi", dataSource -> Subject.of(new JdbiUserPostRepository(dataSource)));

    /** The name a benchmark's {@code library} parameter uses. */
    public final String key;
    private final Function<DataSource, Subject> factory;

    Library(String key, Function<DataSource, Subject> factory) {
        this.key = key;
        this.factory = factory;
    }

    public Subject open(DataSource dataSource) {
        return factory.apply(dataSource);
    }

    public static Library of(String key) {
        for (Library library : values()) {
            if (library.key.equals(key)) {
                return library;
            }
        }
        throw new IllegalArgumentException("no library " + key);
    }
}
