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

    @Test
    void a_long_in_list_of_parameters_is_shortened_to_its_count_in_the_reports_language() {
        String padded = "select p1_0.id from posts p1_0 where p1_0.user_id in (" + "?,".repeat(499)
                + "?) order by p1_0.id";

        assertThat(SqlFormatter.format(padded)).isEqualTo("""
                select p1_0.id
                from posts p1_0
                where p1_0.user_id in (?, … 500 parameters)
                order by p1_0.id""");
        assertThat(SqlFormatter.format(padded, Texts.RUSSIAN)).contains("in (?, … 500 параметров)");
        // MyBatis's foreach spaces its separators; the count is the same.
        assertThat(SqlFormatter.format("select id from posts where user_id IN ( ? , ? , ? , ? , ? , ? , ? )"))
                .endsWith("where user_id IN (?, … 7 parameters)");
        // A short list, a list that is not only parameters, and a values list stay as they are.
        assertThat(SqlFormatter.format("select id from posts where user_id in (?, ?, ?, ?, ?)"))
                .endsWith("where user_id in (?, ?, ?, ?, ?)");
        assertThat(SqlFormatter.format("select id from posts where user_id in (?, ?, ?, ?, ?, ?, 7)"))
                .endsWith("in (?, ?, ?, ?, ?, ?, 7)");
        assertThat(SqlFormatter.format("insert into t (a, b, c, d, e, f) values (?, ?, ?, ?, ?, ?)"))
                .endsWith("values (?, ?, ?, ?, ?, ?)");
        assertThat(SqlFormatter.format("select id from login (?, ?, ?, ?, ?, ?)")).contains("login (?, ?, ?, ?, ?, ?)");
    }

    @Test
    void every_annotation_stands_before_its_statement_worded_as_sent() {
        StatementLog.Executed insert = new StatementLog.Executed(List.of("insert into posts (title) values (?)"), 2);
        StatementLog.Executed select = new StatementLog.Executed(List.of("select id from posts where id=?"), 0);

        List<SqlFormatter.Block> blocks = SqlFormatter.blocks(List.of(insert, select, select, select, insert, insert));

        assertThat(blocks).containsExactly(
                new SqlFormatter.Block("insert into posts (title)\nvalues (?);", 1, 2),
                new SqlFormatter.Block("select id\nfrom posts\nwhere id=?;", 3, 0),
                new SqlFormatter.Block("insert into posts (title)\nvalues (?);", 2, 2));
        assertThat(blocks.stream().flatMap(block -> SqlFormatter.lines(block, Texts.ENGLISH).stream()).toList())
                .containsExactly(
                        "-- sent as a batch of 2:", "insert into posts (title)", "values (?);",
                        "-- sent 3 times:", "select id", "from posts", "where id=?;",
                        "-- sent 2 times, each as a batch of 2:", "insert into posts (title)", "values (?);");
        assertThat(SqlFormatter.annotation(blocks.get(1), Texts.RUSSIAN)).hasValue("-- выполнен 3 раза:");
        assertThat(SqlFormatter.annotation(blocks.get(0), Texts.RUSSIAN)).hasValue("-- выполнен батчем из 2:");
        assertThat(SqlFormatter.annotation(new SqlFormatter.Block("select 1;", 1), Texts.ENGLISH)).isEmpty();
    }
}
