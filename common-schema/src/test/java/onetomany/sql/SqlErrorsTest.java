package onetomany.sql;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One translation for every library and database: the messages below are the ones H2, PostgreSQL and MariaDB
 * send, wrapped the way a library wraps them.
 */
class SqlErrorsTest {

    private static RepositoryException translate(String message, String state, int code, Object userId) {
        RuntimeException wrapped = new RuntimeException("library says no",
                new SQLException(message, state, code));
        return SqlErrors.translate(wrapped, userId);
    }

    @Test
    void a_null_names_its_column_on_every_database() {
        assertThat(translate("NULL not allowed for column \"NAME\"; SQL statement: insert into users", "23502",
                23502, null).field()).contains("users.name");
        assertThat(translate("ERROR: null value in column \"title\" of relation \"posts\" violates not-null "
                + "constraint", "23502", 0, null).field()).contains("posts.title");
        RepositoryException mariadb = translate("Column 'user_id' cannot be null", "23000", 1048, null);
        assertThat(mariadb.reason()).isEqualTo(Reason.MISSING_VALUE);
        assertThat(mariadb.field()).contains("posts.user_id");
        assertThat(mariadb.getMessage()).isEqualTo("posts.user_id must not be null");
    }

    @Test
    void a_value_too_long_names_its_column_even_when_the_database_names_only_the_type() {
        assertThat(translate("Value too long for column \"TITLE CHARACTER VARYING(200)\"", "22001", 22001, null)
                .field()).contains("posts.title");
        RepositoryException postgres = translate("ERROR: value too long for type character varying(100)", "22001",
                0, null);
        assertThat(postgres.reason()).isEqualTo(Reason.VALUE_TOO_LONG);
        assertThat(postgres.field()).contains("users.name");
        assertThat(translate("Data too long for column 'name' at row 1", "22001", 1406, null).field())
                .contains("users.name");
    }

    @Test
    void a_missing_parent_row_names_the_user_id_the_statement_referred_to() {
        RepositoryException h2 = translate("Referential integrity constraint violation: FK_POSTS_USER", "23506",
                23506, 42L);
        assertThat(h2.reason()).isEqualTo(Reason.UNKNOWN_USER);
        assertThat(h2.getMessage()).isEqualTo("user 42 does not exist");
        assertThat(translate("insert or update on table \"posts\" violates foreign key constraint "
                + "\"fk_posts_user\" Detail: Key (user_id)=(7) is not present in table \"users\".", "23503", 0, 7L)
                .reason()).isEqualTo(Reason.UNKNOWN_USER);
        assertThat(translate("Cannot add or update a child row: a foreign key constraint fails", "23000", 1452, 7L)
                .reason()).isEqualTo(Reason.UNKNOWN_USER);
    }

    @Test
    void a_parent_still_referenced_or_anything_else_is_a_database_error_that_keeps_its_cause() {
        assertThat(translate("Referential integrity constraint violation: FK_POSTS_USER: PUBLIC.POSTS FOREIGN "
                + "KEY(USER_ID) REFERENCES PUBLIC.USERS(ID) (CAST(1 AS BIGINT))", "23503", 23503, 1L).reason())
                .isEqualTo(Reason.DATABASE_ERROR);
        assertThat(translate("Cannot delete or update a parent row: a foreign key constraint fails", "23000", 1451,
                1L).reason()).isEqualTo(Reason.DATABASE_ERROR);
        RepositoryException referenced = translate("update or delete on table \"users\" violates foreign key "
                + "constraint \"fk_posts_user\" on table \"posts\"; Key (id)=(1) is still referenced", "23503", 0, 1L);
        assertThat(referenced.reason()).isEqualTo(Reason.DATABASE_ERROR);
        assertThat(referenced.getCause()).isNotNull();
        IllegalStateException notSql = new IllegalStateException("no SQL here");
        assertThat(SqlErrors.translate(notSql).reason()).isEqualTo(Reason.DATABASE_ERROR);
        assertThat(SqlErrors.translate(notSql).getCause()).isSameAs(notSql);
    }

    @Test
    void no_message_repeats_what_the_driver_quoted_of_the_users_values_but_the_cause_is_kept() {
        String marker = "MARKER-7f3a";
        // PostgreSQL's batch message quotes the statement with its bound values.
        String batch = "Batch entry 0 insert into posts (title, content, user_id) values (('" + marker + "\0'), ('"
                + marker + "'), ('1'::int8)) was aborted: ERROR: invalid byte sequence for encoding \"UTF8\": 0x00";
        for (String state : List.of("22021", "40001", "57014", "08006", "23503", "HY000")) {
            RepositoryException translated = translate(batch, state, 0, 1L);
            assertThat(translated.getMessage()).as("SQLState %s: %s", state, translated.reason())
                    .doesNotContain(marker).contains("SQLState " + state);
            assertThat(translated.getCause()).as("the cause, kept for debugging").isNotNull();
            assertThat(SqlErrors.translateAtCommit(new RuntimeException(new SQLException(batch, state)), 1L)
                    .getMessage()).doesNotContain(marker);
        }
        assertThat(SqlErrors.translate(new SQLTransientConnectionException(batch)).getMessage())
                .doesNotContain(marker);
        assertThat(SqlErrors.translate(new SQLTimeoutException(batch, "HY008")).getMessage()).doesNotContain(marker);
        assertThat(SqlErrors.translate(new IllegalStateException("could not save " + marker)).getMessage())
                .doesNotContain(marker).contains(IllegalStateException.class.getName());
    }

    @Test
    void a_deadlock_or_a_lock_timeout_is_a_conflict_on_every_database() {
        assertThat(translate("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213,
                1L).reason()).isEqualTo(Reason.CONFLICT);
        assertThat(translate("ERROR: deadlock detected", "40P01", 0, null).reason()).isEqualTo(Reason.CONFLICT);
        assertThat(translate("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205, null)
                .reason()).isEqualTo(Reason.CONFLICT);
        assertThat(translate("Timeout trying to lock table \"USERS\"", "HYT00", 50200, null).reason())
                .isEqualTo(Reason.CONFLICT);
    }

    @Test
    void postgresql_s_lock_timeout_is_a_conflict_and_h2_s_is_not_taken_for_a_statement_timeout() {
        assertThat(translate("ERROR: canceling statement due to lock timeout", "55P03", 0, null).reason())
                .isEqualTo(Reason.CONFLICT);
        // H2 throws its lock timeout as an SQLTimeoutException.
        RuntimeException h2 = new RuntimeException("library says no",
                new SQLTimeoutException("Timeout trying to lock table \"USERS\"", "HYT00", 50200));
        assertThat(SqlErrors.translate(h2).reason()).isEqualTo(Reason.CONFLICT);
    }

    @Test
    void a_statement_past_its_timeout_is_a_timeout_on_every_database() {
        assertThat(translate("ERROR: canceling statement due to statement timeout", "57014", 0, null).reason())
                .isEqualTo(Reason.TIMEOUT);
        assertThat(translate("Statement was canceled or the session timed out", "57014", 57014, null).reason())
                .isEqualTo(Reason.TIMEOUT);
        assertThat(translate("Query execution was interrupted (max_statement_time exceeded)", "70100", 1969, null)
                .reason()).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void a_session_the_server_ended_is_a_lost_connection_on_every_database() {
        assertThat(translate("FATAL: terminating connection due to administrator command", "57P01", 0, 1L)
                .reason()).isEqualTo(Reason.CONNECTION_LOST);
        assertThat(translate("An I/O error occurred while sending to the backend.", "08006", 0, 1L).reason())
                .isEqualTo(Reason.CONNECTION_LOST);
        RuntimeException mariadb = new RuntimeException("library says no",
                new SQLNonTransientConnectionException("(conn=836) Socket error", "08000", -1));
        assertThat(SqlErrors.translate(mariadb).reason()).isEqualTo(Reason.CONNECTION_LOST);
        assertThat(translate("Connection was killed", "70100", 1927, null).reason())
                .isEqualTo(Reason.CONNECTION_LOST);
        assertThat(translate("The object is already closed [90007-252]", "90007", 90007, null).reason())
                .isEqualTo(Reason.CONNECTION_LOST);
        // HikariCP's proxy after the pool discarded a broken connection: no SQLState at all.
        assertThat(SqlErrors.translate(new RuntimeException(new SQLException("Connection is closed"))).reason())
                .isEqualTo(Reason.CONNECTION_LOST);
        // The socket's failure, chained behind a driver's generic exception.
        SQLException behind = new SQLException("could not execute", "HY000");
        behind.setNextException(new SQLException("connection reset", "08S01"));
        assertThat(SqlErrors.translate(new RuntimeException(behind)).reason()).isEqualTo(Reason.CONNECTION_LOST);
        // H2 closing a session under a running statement: its general error, caused by its own session being null.
        SQLException h2 = new SQLException("General error: \"java.lang.NullPointerException\" [50000-252]", "HY000",
                50000, new NullPointerException("Cannot invoke \"org.h2.engine.Session.getTrace()\" because"
                        + " \"this.session\" is null"));
        assertThat(SqlErrors.translate(new RuntimeException(h2)).reason()).isEqualTo(Reason.CONNECTION_LOST);
        // Any other general error stays what it is.
        SQLException other = new SQLException("General error: \"java.lang.IllegalStateException\" [50000-252]",
                "HY000", 50000, new IllegalStateException("something else"));
        assertThat(SqlErrors.translate(new RuntimeException(other)).reason()).isEqualTo(Reason.DATABASE_ERROR);
    }

    @Test
    void no_connection_from_the_pool_in_time_is_unavailable() {
        RuntimeException exhausted = new RuntimeException("library says no", new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 300ms", "08001"));
        assertThat(SqlErrors.translate(exhausted).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void at_the_commit_a_lost_connection_is_an_unknown_outcome_and_a_refusal_stays_what_it_is() {
        RuntimeException lost = new RuntimeException("Unable to commit against JDBC Connection",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertThat(SqlErrors.translateAtCommit(lost, 1L).reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
        RuntimeException refused = new RuntimeException("Unable to commit against JDBC Connection",
                new SQLException("could not serialize access due to concurrent update", "40001"));
        assertThat(SqlErrors.translateAtCommit(refused, 1L).reason()).isEqualTo(Reason.CONFLICT);
        RuntimeException noConnection = new RuntimeException(new SQLTransientConnectionException("timed out"));
        assertThat(SqlErrors.translateAtCommit(noConnection, 1L).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void a_contract_exception_passes_through_unchanged() {
        RepositoryException already = RepositoryException.unknownPost(5L);
        assertThat(SqlErrors.translate(already)).isSameAs(already);
    }
}
