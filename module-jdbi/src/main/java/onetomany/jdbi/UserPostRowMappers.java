package onetomany.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;

import onetomany.jdbi.model.PostEntity;
import onetomany.jdbi.model.UserEntity;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The two row mappers, Jdbi's {@code RowMapper} as static methods: one row in, one object out, by column label.
 *
 * <p>Every query of the repository names its columns with these labels ({@code u_id, u_name} for a user,
 * {@code p_id, p_title, p_content} for a post), the prefixes of Jdbi's docs, so that one mapper serves the join
 * and the single-table queries alike. A mapper builds one object and never a relationship: linking a post to its
 * author is the reducer's job, which knows which objects are the same. {@code content} is a {@code clob}:
 * {@code getString} reads it as a String, where {@code getObject} would give a {@code java.sql.Clob}.
 */
final class UserPostRowMappers {

    private UserPostRowMappers() {
    }

    static UserEntity user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new UserEntity(rs.getLong("u_id"), rs.getString("u_name"));
    }

    static PostEntity post(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PostEntity(rs.getLong("p_id"), rs.getString("p_title"), rs.getString("p_content"));
    }
}
