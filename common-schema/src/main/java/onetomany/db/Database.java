package onetomany.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.flywaydb.core.Flyway;

/**
 * The one way to get a database, for every module, test and runner.
 *
 * <p>A HikariCP pool, migrated by Flyway with {@code db/migration} (no library creates or alters a table),
 * wrapped once in a datasource-proxy that records every statement in a {@link StatementLog}. Give
 * {@link #dataSource()} to the library under test; use {@link #unproxiedDataSource()} for fixtures, whose
 * statements must not be counted.
 *
 * <p>Every instance is a new, empty in-memory H2 database. Run with {@code -Dsql.log=true} to log every
 * statement that goes through the proxy.
 */
public final class Database implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String description;
    private final HikariDataSource pool;
    private final StatementLog statementLog;
    private final DataSource proxy;

    private Database(String jdbcUrl, String user, String password, String description) {
        this.description = description;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("onetomany-" + SEQUENCE.get());
        config.setMaximumPoolSize(4);
        this.pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.statementLog = new StatementLog(Boolean.getBoolean("sql.log"));
        this.proxy = ProxyDataSourceBuilder.create(pool).name(description).listener(statementLog).build();
    }

    /** A new, migrated, empty in-memory H2 database. */
    public static Database h2() {
        String name = "onetomany-" + SEQUENCE.incrementAndGet();
        return new Database("jdbc:h2:mem:" + name, "sa", "", "H2 (in memory)");
    }

    /** The database this run asked for; H2 in memory unless told otherwise. */
    public static Database open() {
        return h2();
    }

    /** The DataSource to give to a persistence library: every statement through it is recorded. */
    public DataSource dataSource() {
        return proxy;
    }

    /** The same pool without the proxy: for fixtures and checks whose statements must not be counted. */
    public DataSource unproxiedDataSource() {
        return pool;
    }

    /** The statements sent through {@link #dataSource()}. */
    public StatementLog statements() {
        return statementLog;
    }

    /** Which database this is, for reports. */
    public String description() {
        return description;
    }

    /** Deletes every row, children first, without going through the proxy. */
    public void deleteAllRows() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from posts");
            statement.executeUpdate("delete from users");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the tables of " + description, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
