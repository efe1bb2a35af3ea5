package onetomany.comparison;

import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.jdbi.JdbiUserPostRepository;
import onetomany.jpa.JpaUserPostRepository;
import onetomany.mybatis.MyBatisUserPostRepository;

/** One of the libraries compared: its name, its module, and how to build its repository over a DataSource. */
public record Library(String name, String module, Function<DataSource, UserPostRepository> factory) {

    /** The three libraries, in the order every report shows them. */
    public static final List<Library> ALL = List.of(
            new Library("Hibernate ORM", "module-jpa", JpaUserPostRepository::new),
            new Library("MyBatis", "module-mybatis", MyBatisUserPostRepository::new),
            new Library("Jdbi", "module-jdbi", JdbiUserPostRepository::new));
}
