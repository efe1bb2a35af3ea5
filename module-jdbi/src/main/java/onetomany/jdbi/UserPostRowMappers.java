package onetomany.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;

import onetomany.jdbi.model.PostEntity;
import onetomany.jdbi.model.UserEntity;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The two row mappers, Jdbi's {@code RowMapper}: one row in, one object out, by column label.
 *
 * <p>Every query of the repository names its columns with these labels ({@code u_id, u_name, u_version} for a user,
 * {@code p_id, p_title, p_content} for a post), the prefixes of Jdbi's docs, so that one mapper serves the join
 * and the single-table queries alike. A mapper builds one object and never a relationship: linking a post to its
 * author is the reducer's job, which knows which objects are the same. {@code content} is a {@code clob}:
 * {@code getString} reads it as a String, where {@code getObject} would give a {@code java.sql.Clob}.
 *
 * <p>Jdbi calls {@link RowMapper#specialize} once per result set ({@code mapTo}, and {@code RowView.getRow} in a
 * reducer), before the first row: the labels are looked up there, once, and each row is then read by index. A
 * lambda {@code (rs, ctx) -> new UserEntity(rs.getLong("u_id"), ...)} is the same mapper, but the driver looks every
 * label up again on every row (on H2 after upper-casing it). This, with the reducers' {@code QualifiedType} constant,
 * is what brought the joined read near JDBC by hand: the cost is a mapper written as a function of the result set
 * rather than of a row. The benchmarks' README has the figures, before and after.
 */
final class UserPostRowMappers {

    private UserPostRowMappers() {
    }

    /**
     * A row mapper written as its {@code specialize}: given the result set, it returns the mapper of its rows.
     * Called without being specialized first, it specializes for that one row.
     */
    @FunctionalInterface
    private interface ByLabel<T> extends RowMapper<T> {

        @Override
        RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException;

        @Override
        default T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }
    }

    private static <T> RowMapper<T> byLabel(ByLabel<T> mapper) {
        return mapper;
    }

    // tag::mappers[]
    static RowMapper<UserEntity> user() {
        return byLabel((rs, ctx) -> {
            int id = rs.findColumn("u_id");
            int name = rs.findColumn("u_name");
            int version = rs.findColumn("u_version");
            return (row, rowCtx) -> new UserEntity(row.getLong(id), row.getString(name), row.getLong(version));
        });
    }

    static RowMapper<PostEntity> post() {
        return byLabel((rs, ctx) -> {
            int id = rs.findColumn("p_id");
            int title = rs.findColumn("p_title");
            int content = rs.findColumn("p_content");
            return (row, rowCtx) -> new PostEntity(row.getLong(id), row.getString(title), row.getString(content));
        });
    }
    // end::mappers[]
}
