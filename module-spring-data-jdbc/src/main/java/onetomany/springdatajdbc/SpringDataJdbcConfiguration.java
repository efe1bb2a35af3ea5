package onetomany.springdatajdbc;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Spring Data JDBC without Spring Boot: what Boot's auto-configuration would declare, over the DataSource the
 * repository is given (registered in the context by {@link SpringDataJdbcUserPostRepository}).
 *
 * <p>{@link AbstractJdbcConfiguration} declares the library's own beans (the mapping context, the converter, the
 * dialect found from the connection's metadata, and {@code JdbcAggregateTemplate}); it needs a
 * {@link NamedParameterJdbcTemplate}, declared here, and the transactions need a
 * {@link DataSourceTransactionManager}, which binds one connection to the thread for a unit of work, so that the
 * template and every query of the repository run on it
 * (<a href="https://docs.spring.io/spring-data/relational/reference/jdbc/getting-started.html">getting started</a>).
 * No {@code @EnableJdbcRepositories}: the repository uses the template directly, no repository interface is
 * generated, and the context starts in a fraction of a second.
 */
@Configuration(proxyBeanMethods = false)
public class SpringDataJdbcConfiguration extends AbstractJdbcConfiguration {

    /**
     * Identifiers unquoted, as the migrations wrote them. The library quotes every table and column by default
     * ({@code "users"}), and H2 stores an unquoted {@code users} as {@code USERS}: a quoted lower-case name is
     * another table there.
     */
    @Override
    public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
            JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
        JdbcMappingContext mappingContext = super.jdbcMappingContext(namingStrategy, customConversions,
                jdbcManagedTypes);
        mappingContext.setForceQuote(false);
        return mappingContext;
    }

    @Bean
    NamedParameterJdbcTemplate namedParameterJdbcOperations(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // The translator by SQLException subclass needs nothing else. The default one reads the database's name from
        // a connection of its own the first time a statement fails, which a pool with no free connection (the
        // contract's UNAVAILABLE) would make wait for a second connection; the SQLException stays the cause either
        // way, and onetomany.sql.SqlErrors reads it.
        jdbc.setExceptionTranslator(new SQLExceptionSubclassTranslator());
        return new NamedParameterJdbcTemplate(jdbc);
    }

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        // A failed commit is rolled back by the manager itself before the connection goes back to the pool.
        transactions.setRollbackOnCommitFailure(true);
        return transactions;
    }
}
