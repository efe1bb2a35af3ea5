package onetomany.benchmarks;

import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.springdatajdbc.SpringDataJdbcConfiguration;
import onetomany.springdatajdbc.model.UserEntity;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.repository.support.JdbcRepositoryFactory;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JDBC's default read of aggregates, with module-spring-data-jdbc's configuration and entities: a
 * repository interface ({@link Users}) and its {@code findAll(Sort.by("id"))}
 * (<a href="https://docs.spring.io/spring-data/relational/reference/jdbc/getting-started.html">getting started</a>).
 * The library loads the roots with one statement, then each user's posts with a statement of its own: 1 + N, on every
 * database. module-spring-data-jdbc reads the same graph with one join of its own SQL, folded by a
 * {@code ResultSetExtractor}; this is what that saves.
 *
 * <p>The repository is the one {@code @EnableJdbcRepositories} would register ({@code SimpleJdbcRepository} over the
 * context's {@link JdbcAggregateTemplate}), made by the library's {@link JdbcRepositoryFactory} without scanning the
 * class path. Each read is one transaction of the context's manager, as each read of the module is.
 */
final class SpringDataJdbcRepository implements Tuned.Reader {

    /** A repository of users, as an application declares it: the library implements it. */
    interface Users extends ListCrudRepository<UserEntity, Long>, ListPagingAndSortingRepository<UserEntity, Long> {
    }

    private final Context context;

    SpringDataJdbcRepository(DataSource dataSource) {
        this.context = new Context(dataSource, SpringDataJdbcConfiguration.class);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        // The posts of each user in id order: the module's entity sorts what the library hands its constructor.
        return context.read(users -> users.findAll(Sort.by("id")));
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * A Spring context over the DataSource, as module-spring-data-jdbc starts its own (the DataSource registered
     * without a destroy method: it is the caller's), with a configuration of the module's kind, and the repository.
     */
    static final class Context implements AutoCloseable {

        private final AnnotationConfigApplicationContext spring;
        private final Users users;
        private final TransactionTemplate transaction;

        Context(DataSource dataSource, Class<? extends SpringDataJdbcConfiguration> configuration) {
            spring = new AnnotationConfigApplicationContext();
            spring.registerBean(DataSource.class, () -> dataSource, bean -> bean.setDestroyMethodName(""));
            spring.register(configuration);
            spring.refresh();
            users = new JdbcRepositoryFactory(spring.getBean(JdbcAggregateTemplate.class)).getRepository(Users.class);
            transaction = new TransactionTemplate(spring.getBean(PlatformTransactionManager.class),
                    TransactionDefinition.withDefaults());
        }

        List<UserEntity> read(Function<Users, List<UserEntity>> work) {
            return List.copyOf(transaction.execute(status -> work.apply(users)));
        }

        @Override
        public void close() {
            spring.close();
        }
    }
}
