package onetomany.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Which database: {@code -Ddb=h2} (the default: a new in-memory database each time), {@code -Ddb=postgres} or
 * {@code -Ddb=mariadb}, or the environment variable {@code DB}. The server's URL, user and password default to
 * the local servers ({@link DatabaseKind}) and can be set with {@code -Ddb.url}, {@code -Ddb.user},
 * {@code -Ddb.password} or {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}. On a server, each
 * {@code Database} works in a schema (PostgreSQL) or database (MariaDB) of its own, created here and dropped by
 * {@link #close()}, so runs never collide and leave nothing behind; one left by a crashed run is dropped by the
 * first run that comes after it.
 *
 * <p>Run with {@code -Dsql.log=true} to log every statement that goes through the proxy.
 */
public final class Database implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A run space older than this belongs to a run that crashed: no run of this project lasts that long. */
    private static final Duration ABANDONED = Duration.ofHours(6);
    /** A server found unreachable once is not asked again by this JVM: every later open fails at once. */
    private static final Map<String, DatabaseUnavailableException> UNREACHABLE = new ConcurrentHashMap<>();

    private final DatabaseKind kind;
    private final String serverUrl;
    private final String user;
    private final String password;
    private final String runSpace;
    private final HikariDataSource pool;
    private final StatementLog statementLog;
    private final JdbcResources resources = new JdbcResources();
    private final DataSource proxy;

    private Database(DatabaseKind kind, String serverUrl, String user, String password) {
        this.kind = kind;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        String url;
        if (kind == DatabaseKind.H2) {
            this.runSpace = null;
            url = serverUrl.equals(DatabaseKind.H2.defaultUrl())
                    ? serverUrl + "onetomany-" + SEQUENCE.incrementAndGet() : serverUrl;
        } else {
            this.runSpace = "onetomany_" + Instant.now().getEpochSecond() + "_"
                    + HexFormat.of().formatHex(RANDOM.generateSeed(4));
            createRunSpace();
            url = kind.urlOfRunSpace(serverUrl, runSpace);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(runSpace != null ? runSpace : "onetomany-h2-" + SEQUENCE.get());
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(10_000);
        try {
            this.pool = new HikariDataSource(config);
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .placeholders(kind.migrationPlaceholders())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dropRunSpace();
            throw e;
        }
        this.statementLog = new StatementLog(Boolean.getBoolean("sql.log"));
        this.proxy = ProxyDataSourceBuilder.create(pool)
                .name(description())
                .listener(statementLog)
                .methodListener(resources)
                .build();
    }

    /** The database this run asked for ({@code -Ddb}, default H2), new and migrated. */
    public static Database open() {
        DatabaseKind kind = DatabaseKind.fromSwitch(setting("db", "DB", null));
        return new Database(kind,
                setting("db.url", "DB_URL", kind.defaultUrl()),
                setting("db.user", "DB_USER", kind.defaultUser()),
                setting("db.password", "DB_PASSWORD", kind.defaultPassword()));
    }

    /** A new, migrated, empty in-memory H2 database, whatever the run asked for. */
    public static Database h2() {
        return new Database(DatabaseKind.H2, DatabaseKind.H2.defaultUrl(), DatabaseKind.H2.defaultUser(),
                DatabaseKind.H2.defaultPassword());
    }

    private static String setting(String property, String environmentVariable, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** The DataSource to give to a persistence library: every statement through it is recorded. */
    public DataSource dataSource() {
        return proxy;
    }

    /** The same pool without the proxy: for fixtures and checks whose statements must not be counted. */
    public DataSource unproxiedDataSource() {
        return pool;
    }

    /**
     * The JDBC URL of this database (its own schema or database on a server), for another JVM to connect to it: an
     * in-memory H2 database lives in this JVM, and is reached from another through {@code h2TcpUrl}.
     */
    public String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The statements sent through {@link #dataSource()}. */
    public StatementLog statements() {
        return statementLog;
    }

    /** Connections of the pool in use right now: 0 once every unit of work has given its connection back. */
    public int activeConnections() {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    /** JDBC statements opened through {@link #dataSource()} and never closed. */
    public int openStatements() {
        return resources.openStatements();
    }

    /** JDBC statements opened through {@link #dataSource()} so far. */
    public int openedStatements() {
        return resources.openedStatements();
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** Which database this is, for reports: e.g. {@code PostgreSQL 15.20 (schema onetomany_...)}. */
    public String description() {
        String version = "";
        if (pool != null) {
            try (Connection c = pool.getConnection()) {
                version = " " + c.getMetaData().getDatabaseProductVersion().split("[ -]")[0];
            } catch (SQLException e) {
                version = "";
            }
        }
        return kind.displayName() + version + (runSpace == null ? " (in memory)"
                : " (" + (kind == DatabaseKind.POSTGRES ? "schema " : "database ") + runSpace + ")");
    }

    /** Deletes every row, children first, without going through the proxy. */
    public void deleteAllRows() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from posts");
            statement.executeUpdate("delete from users");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the tables of " + description(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
        dropRunSpace();
    }

    // -- the run's own schema or database on a shared server ----------------------------------------------------

    private Connection serverConnection() throws SQLException {
        DatabaseUnavailableException known = UNREACHABLE.get(serverUrl);
        if (known != null) {
            throw known;
        }
        try {
            DriverManager.setLoginTimeout(10);
            return DriverManager.getConnection(serverUrl, user, password);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")
                    || e.getMessage() != null && e.getMessage().toLowerCase().contains("connect")) {
                DatabaseUnavailableException unavailable = new DatabaseUnavailableException(kind.displayName()
                        + " is not reachable at " + serverUrl + " (chosen with -Ddb=" + kind.switchValue()
                        + "): " + firstLine(e.getMessage()) + ". Start it with: " + kind.howToStart()
                        + " -- or point -Ddb.url (DB_URL), -Ddb.user, -Ddb.password at your server.");
                UNREACHABLE.put(serverUrl, unavailable);
                throw unavailable;
            }
            throw e;
        }
    }

    private static String firstLine(String message) {
        String line = message == null ? "no answer" : message.strip().lines().findFirst().orElse(message);
        return line.replaceAll("[.\\s]+$", "");
    }

    private void createRunSpace() {
        try (Connection c = serverConnection(); Statement s = c.createStatement()) {
            dropAbandonedRunSpaces(s);
            s.execute(kind.createRunSpace(runSpace));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + runSpace + " on " + serverUrl + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops what crashed runs left: run spaces are named {@code onetomany_<epoch second>_<random>}. */
    private void dropAbandonedRunSpaces(Statement s) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        long cutoff = Instant.now().minus(ABANDONED).getEpochSecond();
        try (ResultSet rs = s.executeQuery(kind.listRunSpaces())) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length == 3 && parts[1].chars().allMatch(Character::isDigit)
                        && Long.parseLong(parts[1]) < cutoff) {
                    abandoned.add(rs.getString(1));
                }
            }
        }
        for (String space : abandoned) {
            s.execute(kind.dropRunSpace(space));
        }
    }

    private void dropRunSpace() {
        if (runSpace == null) {
            return;
        }
        try (Connection c = serverConnection(); Statement s = c.createStatement()) {
            s.execute(kind.dropRunSpace(runSpace));
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + runSpace + " on " + serverUrl + ": "
                    + e.getMessage(), e);
        }
    }
}
