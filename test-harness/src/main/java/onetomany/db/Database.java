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
import java.util.function.BooleanSupplier;

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
    private final Faults faults = new Faults();
    private final String url;
    private final DataSource proxy;

    /**
     * How the pool of a {@code Database} is set up. The defaults suit every suite but the fault suite, which asks
     * for a small pool, a short wait for a connection, and lock and statement timeouts.
     *
     * @param poolSize          connections in the pool
     * @param connectionTimeout how long a unit of work waits for a free connection before the pool gives up
     * @param lockTimeout       how long a statement waits for a row lock; zero: the database's default
     * @param statementTimeout  how long a statement may run; zero: no limit
     */
    public record Settings(int poolSize, Duration connectionTimeout, Duration lockTimeout, Duration statementTimeout) {

        public static final Settings DEFAULT = new Settings(4, Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO);

        public Settings withPoolSize(int size) {
            return new Settings(size, connectionTimeout, lockTimeout, statementTimeout);
        }

        public Settings withConnectionTimeout(Duration timeout) {
            return new Settings(poolSize, timeout, lockTimeout, statementTimeout);
        }

        public Settings withLockTimeout(Duration timeout) {
            return new Settings(poolSize, connectionTimeout, timeout, statementTimeout);
        }

        public Settings withStatementTimeout(Duration timeout) {
            return new Settings(poolSize, connectionTimeout, lockTimeout, timeout);
        }
    }

    private Database(DatabaseKind kind, String serverUrl, String user, String password) {
        this(kind, serverUrl, user, password, Settings.DEFAULT);
    }

    private Database(DatabaseKind kind, String serverUrl, String user, String password, Settings settings) {
        this.kind = kind;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        String url;
        if (kind == DatabaseKind.H2) {
            this.runSpace = null;
            // DB_CLOSE_DELAY=-1: the database lives until close() shuts it down, not until its last connection
            // closes, which a test that ends sessions could otherwise cause.
            url = serverUrl.equals(DatabaseKind.H2.defaultUrl())
                    ? serverUrl + "onetomany-" + SEQUENCE.incrementAndGet() + ";DB_CLOSE_DELAY=-1" : serverUrl;
        } else {
            this.runSpace = "onetomany_" + Instant.now().getEpochSecond() + "_"
                    + HexFormat.of().formatHex(RANDOM.generateSeed(4));
            createRunSpace();
            url = kind.urlOfRunSpace(serverUrl, runSpace);
            if (kind == DatabaseKind.POSTGRES) {
                // The run's sessions carry its name, so that the fault suite ends only sessions of its own.
                url += "&ApplicationName=" + runSpace;
            }
        }
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(runSpace != null ? runSpace : "onetomany-h2-" + SEQUENCE.get());
        if (kind == DatabaseKind.H2) {
            config.setExceptionOverrideClassName(H2BrokenSessions.class.getName());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        if (!settings.lockTimeout().isZero() || !settings.statementTimeout().isZero()) {
            config.setConnectionInitSql(kind.sessionTimeouts(settings.lockTimeout().toMillis(),
                    settings.statementTimeout().toMillis()));
        }
        try {
            // Flyway migrates over connections of its own, so that a small pool with a short wait (the fault
            // suite's) is not taken up by the migration.
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .placeholders(kind.migrationPlaceholders())
                    .load()
                    .migrate();
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            dropRunSpace();
            throw e;
        }
        this.statementLog = new StatementLog(Boolean.getBoolean("sql.log"));
        this.proxy = ProxyDataSourceBuilder.create(pool)
                .name(description())
                .listener(statementLog)
                .listener(faults)
                .methodListener(resources)
                .methodListener(faults)
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

    /** As {@link #open()}, with a pool set up as {@code settings} says. */
    public static Database open(Settings settings) {
        DatabaseKind kind = DatabaseKind.fromSwitch(setting("db", "DB", null));
        return new Database(kind,
                setting("db.url", "DB_URL", kind.defaultUrl()),
                setting("db.user", "DB_USER", kind.defaultUser()),
                setting("db.password", "DB_PASSWORD", kind.defaultPassword()), settings);
    }

    /**
     * A new, migrated database of {@code kind}, whatever {@code -Ddb} says: for a report that runs on several
     * databases in one process. The server's URL, user and password are {@code -Ddb.url} and the others when
     * {@code -Ddb} names this same kind; otherwise {@code -Ddb.<kind>.url}, {@code -Ddb.<kind>.user},
     * {@code -Ddb.<kind>.password} (e.g. {@code -Ddb.postgres.url=...}), or the kind's local defaults
     * ({@link DatabaseKind}).
     */
    public static Database open(DatabaseKind kind) {
        String selected = setting("db", "DB", null);
        if (selected != null && selected.strip().equalsIgnoreCase(kind.switchValue())) {
            return open();
        }
        String prefix = "db." + kind.switchValue() + ".";
        return new Database(kind,
                System.getProperty(prefix + "url", kind.defaultUrl()),
                System.getProperty(prefix + "user", kind.defaultUser()),
                System.getProperty(prefix + "password", kind.defaultPassword()));
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

    /** Faults to arm at a moment of the next unit of work: see {@link Faults}. */
    public Faults faults() {
        return faults;
    }

    /**
     * A connection of its own to this run's database, outside the pool and the proxy: for a test that plays
     * another client (holding a lock, ending sessions). The caller closes it.
     */
    public Connection adminConnection() {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open a connection to " + description(), e);
        }
    }

    /**
     * Has the server end the session of the given connection, as an operator's kill or a network failure would:
     * the connection stays open on this side, and its next use fails. Returns when the session is gone.
     */
    public void killSession(Connection connection) {
        if (kind == DatabaseKind.H2) {
            closeUnderThePool(connection);
            return;
        }
        long id;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(kind.sessionIdQuery())) {
            rs.next();
            id = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the session id of a connection", e);
        }
        try (Connection admin = adminConnection()) {
            kill(admin, id);
        } catch (SQLException e) {
            throw new IllegalStateException("could not end session " + id, e);
        }
    }

    /**
     * Waits until {@code sessions} of this run are waiting for a lock (held by another client, e.g. an
     * {@link #adminConnection()}), at most {@code timeout}; false if they never were. For tests that must know a unit
     * of work is blocked before they go on.
     */
    public boolean awaitSessionsWaitingForALock(int sessions, Duration timeout) {
        return awaitSessionsWaitingForALock(sessions, timeout, () -> false);
    }

    /**
     * As {@link #awaitSessionsWaitingForALock(int, Duration)}, and false as soon as {@code over} says the units of
     * work it waits for are over (they will never wait now). Looks every {@link DatabaseKind#lockWaitsPollInterval()}.
     */
    public boolean awaitSessionsWaitingForALock(int sessions, Duration timeout, BooleanSupplier over) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection admin = adminConnection();
             var waiting = admin.prepareStatement(kind.sessionsWaitingForALock())) {
            waiting.setString(1, runSpace == null ? "h2" : runSpace);
            while (System.nanoTime() < deadline && !over.getAsBoolean()) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= sessions) {
                        return true;
                    }
                }
                Thread.sleep(kind.lockWaitsPollInterval().toMillis());
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look at the lock waits of " + description(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How many sessions of this run's pool have a transaction open on the server right now (never another run's):
     * after a unit of work that failed, there must be none. On MariaDB it first waits
     * {@link DatabaseKind#lockWaitsPollInterval()}, since {@code information_schema.innodb_trx} is a copy InnoDB
     * refreshes only when nobody has read it for 100 ms.
     */
    public int sessionsInTransaction() {
        try (Connection admin = adminConnection();
             var open = admin.prepareStatement(kind.sessionsInTransaction())) {
            if (kind == DatabaseKind.MARIADB) {
                Thread.sleep(kind.lockWaitsPollInterval().toMillis());
            }
            open.setString(1, runSpace == null ? "h2" : runSpace);
            try (ResultSet rs = open.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look at the open transactions of " + description(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking at the open transactions", e);
        }
    }

    /**
     * Ends every session of this run's pool that the server knows (never another run's, nor another client's:
     * they are found by this run's application name on PostgreSQL and by its database on MariaDB). Returns how
     * many were ended.
     */
    public int killAllSessions() {
        if (kind == DatabaseKind.H2) {
            List<Connection> physical = faults.connectionsSeen();
            physical.forEach(this::closeUnderThePool);
            return physical.size();
        }
        try (Connection admin = adminConnection()) {
            List<Long> ids = new ArrayList<>();
            try (var select = admin.prepareStatement(kind.sessionsOfRunSpace())) {
                select.setString(1, runSpace == null ? "h2" : runSpace);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            for (long id : ids) {
                kill(admin, id);
            }
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the sessions of " + runSpace, e);
        }
    }

    /**
     * H2 runs in this JVM: there is no server to end a session, so the physical connection is closed under the
     * pool and the library, which is what they would meet after a network failure (H2's {@code ABORT_SESSION} is
     * not used: under concurrent transactions it leaves H2 refusing new ones with "an old transaction with the same
     * id is still open").
     */
    private void closeUnderThePool(Connection connection) {
        try {
            connection.unwrap(Connection.class).close(); // HikariCP hands out the driver's own connection
        } catch (SQLException e) {
            throw new IllegalStateException("could not close a connection of " + description(), e);
        }
    }

    private void kill(Connection admin, long id) throws SQLException {
        try (var kill = admin.prepareStatement(kind.killSession())) {
            kill.setLong(1, id);
            kill.execute();
        } catch (SQLException e) {
            // MariaDB: "Unknown thread id" when the session ended on its own in the meantime.
            if (e.getErrorCode() != 1094) {
                throw e;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (var exists = admin.prepareStatement(kind.sessionExists())) {
                exists.setLong(1, id);
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("session " + id + " of " + description() + " did not end within 5 s");
    }

    /**
     * Has the pool close its idle connections and open new ones: after sessions were ended by the server, an idle
     * connection is dead, and the pool only finds out when it is next used (or validated, past half a second idle).
     */
    public void discardIdleConnections() {
        pool.getHikariPoolMXBean().softEvictConnections();
    }

    /** Connections the pool holds, busy or idle. */
    public int pooledConnections() {
        return pool.getHikariPoolMXBean().getTotalConnections();
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
        if (kind == DatabaseKind.H2) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                // already closed: nothing to free
            }
        }
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
