package onetomany.suites;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The injection check must catch what it is there to catch, and let bound parameters through. */
class SqlTextCheckTest {

    @Test
    void sql_joined_with_a_value_is_found() {
        assertThat(SqlTextCheck.checkJava("A.java", "q(\"select * from users where name = '\" + name + \"'\");"))
                .isNotEmpty();
        assertThat(SqlTextCheck.checkJava("A.java", "String sql = \"delete from posts where id = \" + id;"))
                .containsExactly("A.java:1: SQL text joined with a value");
        assertThat(SqlTextCheck.checkJava("A.java",
                "x\n  .createQuery(\"\"\"\n  select * from users\n  where name = '%s'\"\"\".formatted(name))"))
                .containsExactly("A.java:2: SQL text filled in with formatted(...)");
        assertThat(SqlTextCheck.checkJava("A.java", "String.format(\"update users set name = '%s'\", name)"))
                .isNotEmpty();
        assertThat(SqlTextCheck.checkMyBatisXml("M.xml",
                "<select id=\"x\">\n select * from users where name = ${name}\n</select>"))
                .containsExactly("M.xml:2: ${...} pastes a value into the SQL text");
    }

    @Test
    void bound_parameters_and_literal_text_pass() {
        assertThat(SqlTextCheck.checkJava("A.java", """
                handle.createQuery("select id from users where name = :name").bind("name", name);
                ps = c.prepareStatement("select id " + "from users where name = ?");
                session.createSelectionQuery("from UserEntity u where u.id = :id", UserEntity.class);
                String message = "user " + id + " does not exist";
                """)).isEmpty();
        assertThat(SqlTextCheck.checkMyBatisXml("M.xml",
                "<select id=\"x\">select * from users where id = #{id}</select>"))
                .isEmpty();
    }
}
