package onetomany.comparison;

import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.jdbi.JdbiUserPostRepository;
import onetomany.jpa.JpaUserPostRepository;
import onetomany.mybatis.MyBatisUserPostRepository;

/**
 * One of the libraries compared: its name, its module, how to build its repository over a DataSource, and one
 * class of the library's own jar, whose manifest tells the version that is on the classpath.
 */
public record Library(String name, String module, Function<DataSource, UserPostRepository> factory,
                      Class<?> libraryClass) {

    /** The three libraries, in the order every report shows them. */
    public static final List<Library> ALL = List.of(
            new Library("Hibernate ORM", "module-jpa", JpaUserPostRepository::new, org.hibernate.Session.class),
            new Library("MyBatis", "module-mybatis", MyBatisUserPostRepository::new,
                    org.apache.ibatis.session.SqlSession.class),
            new Library("Jdbi", "module-jdbi", JdbiUserPostRepository::new, org.jdbi.v3.core.Jdbi.class));

    /** The library's version, read from its jar's manifest ({@code Implementation-Version}). */
    public String version() {
        Package p = libraryClass.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
