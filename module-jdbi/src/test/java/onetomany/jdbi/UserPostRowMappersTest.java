package onetomany.jdbi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import onetomany.db.Database;
import onetomany.jdbi.model.PostEntity;
import onetomany.jdbi.model.UserEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row mappers called as a plain {@code RowMapper}, row by row, without {@code specialize} first: Jdbi's
 * queries always specialize them, a caller of {@code RowMapper.map} may not.
 */
class UserPostRowMappersTest {

    @Test
    void a_mapper_not_specialized_first_still_maps_its_row_by_label() throws SQLException {
        try (Database database = Database.h2();
             Connection connection = database.unproxiedDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select 'text' as p_content, 7 as p_id, 'First Post' as p_title,"
                     + " 2 as u_version, 'Alice' as u_name, 3 as u_id")) {
            assertThat(row.next()).isTrue();

            UserEntity user = UserPostRowMappers.user().map(row, null);
            PostEntity post = UserPostRowMappers.post().map(row, null);

            assertThat(user.getId()).isEqualTo(3L);
            assertThat(user.getName()).isEqualTo("Alice");
            assertThat(user.getVersion()).isEqualTo(2L);
            assertThat(post.getId()).isEqualTo(7L);
            assertThat(post.getTitle()).isEqualTo("First Post");
            assertThat(post.getContent()).isEqualTo("text");
        }
    }
}
