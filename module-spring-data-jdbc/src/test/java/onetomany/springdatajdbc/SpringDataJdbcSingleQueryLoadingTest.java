package onetomany.springdatajdbc;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import onetomany.db.Database;
import onetomany.db.DatabaseKind;
import onetomany.fixtures.Fixtures;
import onetomany.springdatajdbc.model.PostEntity;
import onetomany.springdatajdbc.model.UserEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's single query loading ({@code setSingleQueryLoadingEnabled(true)} on the mapping context), which the
 * repository does not use, and why: what it sends for 3 users with 2 posts each and 1 user without posts. Its one
 * statement (window functions over a join) is used by {@code findAll} and {@code findById} on PostgreSQL and MariaDB
 * only: the H2 dialect does not support it, and {@code findAll} with a {@link Sort} falls back to the N+1 of the
 * default loading everywhere, while the contract wants the users in id order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringDataJdbcSingleQueryLoadingTest {

    private static final int USERS = 4;

    /** The repository's configuration, with single query loading switched on. */
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
    }

    private Database database;
    private AnnotationConfigApplicationContext context;
    private JdbcAggregateTemplate template;
    private TransactionTemplate transaction;

    @BeforeAll
    void start() {
        database = Database.open();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, database::dataSource, bean -> bean.setDestroyMethodName(""));
        context.register(SingleQueryLoading.class);
        context.refresh();
        template = context.getBean(JdbcAggregateTemplate.class);
        transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @AfterAll
    void stop() throws Exception {
        context.close();
        database.close();
    }

    @BeforeEach
    void threeUsersWithTwoPostsAndOneWithout() {
        database.deleteAllRows();
        Fixtures fixtures = new Fixtures(database.unproxiedDataSource());
        fixtures.usersWithPosts(USERS - 1, 2);
        fixtures.insertUser("Without posts");
        database.statements().reset();
    }

    private boolean supported() {
        return database.kind() != DatabaseKind.H2;
    }

    private <T> T counted(Function<JdbcAggregateTemplate, T> read) {
        database.statements().reset();
        return transaction.execute(status -> read.apply(template));
    }

    @Test
    void find_all_is_one_statement_where_the_dialect_supports_it_and_n_plus_one_on_h2() {
        List<UserEntity> users = counted(t -> t.findAll(UserEntity.class));

        assertThat(database.statements().count()).as("findAll on %s:%n%s", database.kind(), database.statements())
                .isEqualTo(supported() ? 1 : 1 + USERS);
        assertThat(users).hasSize(USERS);
        assertThat(users).flatExtracting(UserEntity::getPosts).extracting(PostEntity::getAuthor).doesNotContainNull();
    }

    @Test
    void find_by_id_is_one_statement_where_the_dialect_supports_it_and_two_on_h2() {
        long first = counted(t -> t.findAll(UserEntity.class)).stream().mapToLong(UserEntity::getId).min()
                .orElseThrow();

        UserEntity user = counted(t -> t.findById(first, UserEntity.class));

        assertThat(database.statements().count()).as("findById on %s:%n%s", database.kind(), database.statements())
                .isEqualTo(supported() ? 1 : 2);
        assertThat(user.getPosts()).hasSize(2);
    }

    @Test
    void find_all_in_an_order_falls_back_to_n_plus_one_on_every_database() {
        List<UserEntity> users = counted(t -> t.findAll(UserEntity.class, Sort.by("id")));

        assertThat(database.statements().count()).as("findAll(Sort) on %s:%n%s", database.kind(),
                database.statements()).isEqualTo(1 + USERS);
        assertThat(users).extracting(UserEntity::getId).isSorted();
    }
}
