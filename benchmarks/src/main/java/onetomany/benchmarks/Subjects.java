package onetomany.benchmarks;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import onetomany.libraries.Library;

/**
 * The subjects of every benchmark, by the key their {@code library} parameter uses: the JDBC floor, then each
 * library of the registry ({@link Library#ALL}) as its module is.
 */
final class Subjects {

    /** The floor's key; every other key is a library's. */
    static final String FLOOR = "jdbc";

    private Subjects() {
    }

    /**
     * Every key, the floor first: the values of the benchmarks' {@code library} parameter, which
     * {@link BenchmarkRunner} gives JMH (an annotation can only hold constants, and the libraries are the
     * registry's).
     */
    static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(FLOOR));
        Library.ALL.forEach(library -> keys.add(library.key()));
        return List.copyOf(keys);
    }

    static Subject open(String key, DataSource dataSource) {
        return key.equals(FLOOR) ? new JdbcFloor(dataSource) : Subject.of(Library.of(key).repository(dataSource));
    }
}
