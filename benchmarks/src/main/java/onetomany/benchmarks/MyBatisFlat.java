package onetomany.benchmarks;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import onetomany.contract.User;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.ResultType;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis without a nested result map: each row of the join is mapped flat, by constructor, to a {@link Row}, and
 * handed to a {@code ResultHandler} that folds the rows into the graph as they come (ordered by user id, so the
 * current user is the previous row's or a new one). What the nested {@code <collection>} costs and this avoids:
 * a row key built from the {@code <id>} columns and looked up for every row and every nesting level, and
 * property setting by reflection. The price: the folding is Java code the repository writes, as in Jdbi.
 */
final class MyBatisFlat implements Tuned.Reader {

    /** One row of the join, built through its constructor (no reflection on fields). */
    public record Row(long userId, String userName, Long postId, String postTitle, String postContent) {
    }

    /** The one statement; the rows go to the handler instead of into a list. */
    public interface FlatMapper {

        @Select("""
                select u.id as user_id, u.name as user_name,
                       p.id as post_id, p.title as post_title, p.content as post_content
                from users u left join posts p on p.user_id = u.id
                order by u.id, p.id""")
        @ConstructorArgs({
                @Arg(column = "user_id", javaType = long.class),
                @Arg(column = "user_name", javaType = String.class),
                @Arg(column = "post_id", javaType = Long.class),
                @Arg(column = "post_title", javaType = String.class),
                @Arg(column = "post_content", javaType = String.class)})
        @ResultType(Row.class)
        void usersLeftJoinPosts(ResultHandler<Row> handler);
    }

    private final SqlSessionFactory factory;

    MyBatisFlat(DataSource dataSource) {
        Configuration configuration =
                new Configuration(new Environment("default", new JdbcTransactionFactory(), dataSource));
        // Every column is mapped by the constructor: nothing left for automapping to look up.
        configuration.setAutoMappingBehavior(AutoMappingBehavior.NONE);
        configuration.addMapper(FlatMapper.class);
        this.factory = new SqlSessionFactoryBuilder().build(configuration);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        try (SqlSession session = factory.openSession()) {
            List<PlainUser> users = new ArrayList<>();
            session.getMapper(FlatMapper.class).usersLeftJoinPosts(context -> {
                Row row = context.getResultObject();
                PlainUser user = users.isEmpty() ? null : users.get(users.size() - 1);
                if (user == null || user.getId() != row.userId()) {
                    user = new PlainUser(row.userId(), row.userName());
                    users.add(user);
                }
                if (row.postId() != null) {
                    user.addPost(new PlainPost(row.postId(), row.postTitle(), row.postContent()));
                }
            });
            session.commit();
            return users;
        }
    }
}
