package onetomany.db;

import java.sql.SQLException;

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
    void a_contract_exception_passes_through_unchanged() {
        RepositoryException already = RepositoryException.unknownPost(5L);
        assertThat(SqlErrors.translate(already)).isSameAs(already);
    }
}
