package onetomany.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.jdbi.model.PostEntity;
import onetomany.jdbi.model.UserEntity;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi with module-jdbi's own classes, a {@code RowMapper} per type that reads its columns by index, and the
 * rows folded in a {@code reduceResultSet} as they come (ordered by user id: the current user is the last one).
 * What module-jdbi's {@code reduceRows} still costs after its tuning and this avoids: the reducer's two
 * {@code getColumn} by label per row (a label lookup and a boxed {@code Long} each), a {@code LinkedHashMap} of all
 * users, and {@code getRow}'s mapper lookup per row. The price: the mappers depend on the column order of the query
 * they serve, and the fold on its {@code order by}.
 */
final class JdbiByIndex implements Tuned.Reader {

    /** Columns 1 and 2 of the query. */
    private static final RowMapper<UserEntity> USER = (rs, ctx) -> new UserEntity(rs.getLong(1), rs.getString(2));
    /** Columns 3, 4 and 5 of the query. */
    private static final RowMapper<PostEntity> POST =
            (rs, ctx) -> new PostEntity(rs.getLong(3), rs.getString(4), rs.getString(5));

    private final Jdbi jdbi;

    JdbiByIndex(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        return jdbi.inTransaction(handle -> handle.createQuery("""
                        select u.id, u.name, p.id, p.title, p.content
                        from users u left join posts p on p.user_id = u.id
                        order by u.id, p.id""")
                .reduceResultSet(new ArrayList<UserEntity>(), JdbiByIndex::fold));
    }

    private static ArrayList<UserEntity> fold(ArrayList<UserEntity> users, ResultSet rs, StatementContext ctx)
            throws SQLException {
        UserEntity user = users.isEmpty() ? null : users.get(users.size() - 1);
        if (user == null || user.getId() != rs.getLong(1)) {
            user = USER.map(rs, ctx);
            users.add(user);
        }
        rs.getLong(3);
        if (!rs.wasNull()) {
            user.addPost(POST.map(rs, ctx));
        }
        return users;
    }
}
