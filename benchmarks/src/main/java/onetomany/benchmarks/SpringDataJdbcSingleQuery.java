package onetomany.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.springdatajdbc.SpringDataJdbcConfiguration;
import onetomany.springdatajdbc.model.UserEntity;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Spring Data JDBC's default read ({@link SpringDataJdbcRepository}) with the mapping context's single query loading
 * switched on ({@code setSingleQueryLoadingEnabled(true)},
 * <a href="https://docs.spring.io/spring-data/relational/reference/jdbc/entity-persistence.html">loading
 * aggregates</a>): the repository's {@code findAll()} is then one statement on PostgreSQL and MariaDB, the users and
 * their posts joined with window functions, and the library builds each aggregate from its rows. Without a
 * {@code Sort}: {@code findAll} in an order falls back to the default loading (1 + N) on every database, so the users
 * are put in id order here, in memory. On H2, whose dialect does not support single query loading, it sends what the
 * default sends, 1 + N ({@code SpringDataJdbcSingleQueryLoadingTest} in module-spring-data-jdbc counts both).
 */
final class SpringDataJdbcSingleQuery implements Tuned.Reader {

    private static final Comparator<UserEntity> BY_ID = Comparator.comparing(UserEntity::getId);

    /** module-spring-data-jdbc's configuration, with single query loading on; the same mapped classes. */
    @Configuration(proxyBeanMethods = false)
    static class SingleQueryLoading extends SpringDataJdbcConfiguration {

        @Override
        public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
                JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
            JdbcMappingContext mappingContext = super.jdbcMappingContext(namingStrategy, customConversions,
                    jdbcManagedTypes);
            mappingContext.setSingleQueryLoadingEnabled(true);
            return mappingContext;
        }

        /** The module's entities: the library scans the configuration's package for them, here another one. */
        @Override
        protected Collection<String> getMappingBasePackages() {
            return List.of(UserEntity.class.getPackageName());
        }
    }

    private final SpringDataJdbcRepository.Context context;

    SpringDataJdbcSingleQuery(DataSource dataSource) {
        this.context = new SpringDataJdbcRepository.Context(dataSource, SingleQueryLoading.class);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        return context.read(users -> {
            List<UserEntity> all = new ArrayList<>(users.findAll());
            all.sort(BY_ID);
            return all;
        });
    }

    @Override
    public void close() {
        context.close();
    }
}
