package onetomany.benchmarks;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.jdbi.model.PostEntity;
import onetomany.jdbi.model.UserEntity;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.RowView;

/**
 * module-jdbi's joined read as it was first written, before its tuning: the same query and reducer, with the row
 * mappers as lambdas that read by column label, so the JDBC driver looks every label up again on every row
 * ({@code findColumn}: a map lookup, on H2 after upper-casing the label). module-jdbi's mappers now look their
 * labels up once per result set, in {@code RowMapper.specialize}; this is the baseline.
 */
final class JdbiLabelPerRow implements Tuned.Reader {

    private final Jdbi jdbi;

    JdbiLabelPerRow(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource)
                .registerRowMapper(UserEntity.class,
                        (rs, ctx) -> new UserEntity(rs.getLong("u_id"), rs.getString("u_name")))
                .registerRowMapper(PostEntity.class,
                        (rs, ctx) -> new PostEntity(rs.getLong("p_id"), rs.getString("p_title"),
                                rs.getString("p_content")));
    }

    @Override
    public List<? extends User> usersWithPosts() {
        return jdbi.inTransaction(handle -> handle.createQuery("""
                        select u.id u_id, u.name u_name, p.id p_id, p.title p_title, p.content p_content
                        from users u
                        left join posts p on p.user_id = u.id
                        order by u.id, p.id""")
                .reduceRows((Map<Long, UserEntity> users, RowView row) -> {
                    UserEntity user = users.computeIfAbsent(row.getColumn("u_id", Long.class),
                            id -> row.getRow(UserEntity.class));
                    if (row.getColumn("p_id", Long.class) != null) {
                        user.addPost(row.getRow(PostEntity.class));
                    }
                })
                .toList());
    }
}
