package onetomany.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The counting proxy: what "a statement" means in every budget of the contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementLogTest {

    private Database database;

    @BeforeAll
    void open() {
        database = Database.open();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void each_execution_through_the_proxy_counts_once_and_fixtures_outside_it_not_at_all() throws SQLException {
        StatementLog log = database.statements();
        try (Connection c = database.unproxiedDataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into users (name) values ('not counted')");
        }
        log.reset();
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from users where name = ?")) {
                ps.setString(1, "Alice");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                ps.setString(1, "Bob");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("select 1");
            }
        }

        assertThat(log.count()).isEqualTo(3);
        assertThat(log.executed().get(0).sql()).containsExactly("select count(*) from users where name = ?");
        assertThat(log.executed().get(0).batchSize()).isZero();
        log.reset();
        assertThat(log.count()).isZero();
    }

    @Test
    void a_jdbc_batch_is_one_round_trip_that_says_how_many_rows_it_carried() throws SQLException {
        StatementLog log = database.statements();
        log.reset();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("insert into users (name) values (?)")) {
            for (int i = 0; i < 5; i++) {
                ps.setString(1, "user " + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }

        assertThat(log.count()).isEqualTo(1);
        assertThat(log.executed().get(0).batchSize()).isEqualTo(5);
        assertThat(log.executed().get(0).toString()).endsWith("[batch of 5]");
    }
}
