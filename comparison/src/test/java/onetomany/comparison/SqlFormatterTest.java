package onetomany.comparison;

import java.util.List;

import onetomany.db.StatementLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFormatterTest {

    @Test
    void each_clause_goes_on_its_own_line_and_parentheses_are_left_alone() {
        assertThat(SqlFormatter.format("select p1_0.user_id,p1_0.id from posts p1_0 where p1_0.user_id in "
                + "(select ue1_0.id from users ue1_0) order by p1_0.id"))
                .isEqualTo("""
                        select p1_0.user_id, p1_0.id
                        from posts p1_0
                        where p1_0.user_id in (select ue1_0.id from users ue1_0)
                        order by p1_0.id""");
        assertThat(SqlFormatter.format("select u.id from users u left join posts p on p.user_id = u.id"))
                .isEqualTo("select u.id\nfrom users u\nleft join posts p on p.user_id = u.id");
        assertThat(SqlFormatter.format("delete from posts where id = ?")).isEqualTo("delete from posts\nwhere id = ?");
        assertThat(SqlFormatter.format("update posts set title = 'from, where' where id=?"))
                .isEqualTo("update posts\nset title = 'from, where'\nwhere id=?");
    }

    @Test
    void identical_statements_in_a_row_are_shown_once_with_how_many_times_they_were_sent() {
        StatementLog.Executed users = new StatementLog.Executed(List.of("select id from users"), 0);
        StatementLog.Executed posts = new StatementLog.Executed(List.of("select id from posts where user_id=?"), 0);

        assertThat(SqlFormatter.blocks(List.of(users, posts, posts, posts))).containsExactly(
                new SqlFormatter.Block("select id\nfrom users;", 1),
                new SqlFormatter.Block("select id\nfrom posts\nwhere user_id=?;", 3));
    }
}
