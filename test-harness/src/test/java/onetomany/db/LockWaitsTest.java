package onetomany.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Database#awaitSessionsWaitingForALock}, which the fault suite and exercise 10 rely on to know that a unit of
 * work is blocked: it must see a wait that begins while it is already looking (on MariaDB, a copy of the lock waits
 * that is refreshed only between looks far enough apart), and give up as soon as it is told the work is over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockWaitsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private Database database;
    private long user;

    @BeforeAll
    void open() throws SQLException {
        database = Database.open(Database.Settings.DEFAULT.withLockTimeout(Duration.ofSeconds(30)));
        try (Connection c = database.unproxiedDataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into users (name) values ('Alice')");
            try (ResultSet rs = s.executeQuery("select max(id) from users")) {
                rs.next();
                user = rs.getLong(1);
            }
        }
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void a_wait_that_begins_while_it_looks_is_seen() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection blocker = database.adminConnection()) {
            blocker.setAutoCommit(false);
            lock(blocker);
            Future<Boolean> seen = pool.submit(() -> database.awaitSessionsWaitingForALock(1, BOUND));
            Thread.sleep(500); // it has looked, several times, and seen nobody waiting
            assertThat(seen.isDone()).as("nobody waits yet").isFalse();
            Future<Integer> rename = pool.submit(() -> {
                try (Connection c = database.dataSource().getConnection();
                     PreparedStatement update = c.prepareStatement("update users set name = 'Alicia' where id = ?")) {
                    update.setLong(1, user);
                    return update.executeUpdate();
                }
            });
            assertThat(seen.get(BOUND.toSeconds() + 5, TimeUnit.SECONDS)).as("the rename's wait seen").isTrue();
            assertThat(rename.isDone()).as("the rename still waits").isFalse();
            blocker.rollback();
            assertThat(rename.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void it_gives_up_as_soon_as_the_work_it_waits_for_is_over() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(database.awaitSessionsWaitingForALock(1, BOUND, () -> asked.incrementAndGet() > 0)).isFalse();
        assertThat(asked).as("asked once whether the work is over, then gave up").hasValue(1);
    }

    private void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from users where id = ? for update")) {
            lock.setLong(1, user);
            lock.executeQuery().close();
        }
    }
}
