package onetomany.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one schema, as Flyway leaves it: what SQLAlchemy's Column and ForeignKey declare, and nothing more. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaTest {

    private Database database;

    @BeforeAll
    void open() {
        database = Database.open();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @BeforeEach
    void empty() {
        database.deleteAllRows();
    }

    @Test
    void posts_user_id_is_a_foreign_key_to_users_id_that_deletes_nothing_by_itself() throws SQLException {
        try (Connection c = database.unproxiedDataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet keys = meta.getImportedKeys(c.getCatalog(), c.getSchema(), table(meta, "posts"))) {
                assertThat(keys.next()).as("posts has a foreign key").isTrue();
                assertThat(keys.getString("FKCOLUMN_NAME")).isEqualToIgnoringCase("user_id");
                assertThat(keys.getString("PKTABLE_NAME")).isEqualToIgnoringCase("users");
                assertThat(keys.getString("PKCOLUMN_NAME")).isEqualToIgnoringCase("id");
                assertThat(keys.getShort("DELETE_RULE"))
                        .as("no ON DELETE CASCADE: cascading is each library's job")
                        .isIn((short) DatabaseMetaData.importedKeyRestrict,
                                (short) DatabaseMetaData.importedKeyNoAction);
                assertThat(keys.next()).as("only one foreign key").isFalse();
            }
        }
    }

    @Test
    void a_post_needs_an_existing_user_and_a_user_with_posts_cannot_be_deleted_alone() throws SQLException {
        try (Connection c = database.unproxiedDataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into posts (title, user_id) values ('x', null)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("insert into posts (title, user_id) values ('x', -1)"))
                    .isInstanceOf(SQLException.class);
            s.executeUpdate("insert into users (name) values ('Alice')");
            s.executeUpdate("insert into posts (title, user_id) select 'First Post', id from users");
            assertThatThrownBy(() -> s.executeUpdate("delete from users"))
                    .as("no ON DELETE CASCADE").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void many_posts_may_share_one_user_and_posts_user_id_is_indexed() throws SQLException {
        try (Connection c = database.unproxiedDataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into users (name) values ('Alice')");
            s.executeUpdate("insert into posts (title, user_id) select 'First Post', id from users");
            s.executeUpdate("insert into posts (title, user_id) select 'Second Post', id from users");
            DatabaseMetaData meta = c.getMetaData();
            List<String> indexed = new ArrayList<>();
            try (ResultSet index = meta.getIndexInfo(c.getCatalog(), c.getSchema(), table(meta, "posts"), false,
                    false)) {
                while (index.next()) {
                    if (!index.getBoolean("NON_UNIQUE")) {
                        continue;
                    }
                    indexed.add(index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            assertThat(indexed).contains("user_id");
        }
    }

    @Test
    void names_and_titles_are_required_and_bounded() throws SQLException {
        try (Connection c = database.unproxiedDataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            // Characters on PostgreSQL and MariaDB; UTF-16 units on H2, twice as many (V5), so that 100 emoji fit.
            int units = database.kind() == DatabaseKind.H2 ? 2 : 1;
            assertColumn(c, meta, "users", "name", 100 * units, false);
            assertColumn(c, meta, "users", "version", null, false);
            assertColumn(c, meta, "posts", "title", 200 * units, false);
            assertColumn(c, meta, "posts", "user_id", null, false);
            assertColumn(c, meta, "posts", "content", null, true);
        }
    }

    private static void assertColumn(Connection c, DatabaseMetaData meta, String table, String column, Integer size,
                                     boolean nullable) throws SQLException {
        try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), table(meta, table), table(meta, column))) {
            assertThat(rs.next()).as(table + "." + column).isTrue();
            if (size != null) {
                assertThat(rs.getInt("COLUMN_SIZE")).as(table + "." + column + " size").isEqualTo(size);
            }
            assertThat(rs.getInt("NULLABLE")).as(table + "." + column + " nullable")
                    .isEqualTo(nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls);
        }
    }

    /** Databases store unquoted names in upper or lower case; metadata look-ups are exact. */
    private static String table(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
