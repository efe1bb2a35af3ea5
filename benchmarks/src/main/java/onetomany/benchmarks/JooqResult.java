package onetomany.benchmarks;

import static onetomany.jooq.schema.Tables.POSTS;
import static onetomany.jooq.schema.Tables.USERS;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.jooq.model.PostEntity;
import onetomany.jooq.model.UserEntity;
import org.jooq.Record;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * jOOQ's default form of the join, with module-jooq's own classes: {@code fetch()} builds the whole {@code Result}
 * first (every row, the user's columns repeated in each), then a {@code LinkedHashMap} by user id folds it. What
 * module-jooq's {@code Cursor} avoids: the {@code Result} of every row held at once, and the map of all users.
 */
final class JooqResult implements Tuned.Reader {

    private static final Settings SETTINGS = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withParamCastMode(ParamCastMode.NEVER).withFetchWarnings(false);

    private final DataSource dataSource;

    JooqResult(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<? extends User> usersWithPosts() {
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, UserEntity> users = new LinkedHashMap<>();
            for (Record row : DSL.using(connection, JDBCUtils.dialect(connection), SETTINGS)
                    .select(USERS.ID, USERS.NAME, USERS.VERSION, POSTS.ID, POSTS.TITLE, POSTS.CONTENT)
                    .from(USERS)
                    .leftJoin(POSTS).on(POSTS.USER_ID.eq(USERS.ID))
                    .orderBy(USERS.ID, POSTS.ID)
                    .fetch()) {
                UserEntity user = users.computeIfAbsent(row.get(USERS.ID),
                        id -> new UserEntity(id, row.get(USERS.NAME), row.get(USERS.VERSION)));
                if (row.get(POSTS.ID) != null) {
                    user.addPost(new PostEntity(row.get(POSTS.ID), row.get(POSTS.TITLE), row.get(POSTS.CONTENT)));
                }
            }
            return List.copyOf(users.values());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
