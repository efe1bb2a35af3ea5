package onetomany.exercises;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Exercise 8: what the user typed is data: every character matches itself, nothing reaches the SQL text. */
@Tag("ex8")
public abstract class Ex8SearchPostsContract extends ExerciseContract {

    private static final List<String> TITLES = List.of(
            "100% sure", "100 percent", "snake_case", "snakeXcase", "it's mine", "its mine", "O'Reilly",
            "x'); drop table posts; --", "back\\slash", "backslash", "bang!", "bang");

    static List<Arguments> fragments() {
        return List.of(
                Arguments.of("100", List.of("100% sure", "100 percent")),
                Arguments.of("%", List.of("100% sure")),
                Arguments.of("_", List.of("snake_case")),
                Arguments.of("e_c", List.of("snake_case")),
                Arguments.of("'", List.of("it's mine", "O'Reilly", "x'); drop table posts; --")),
                Arguments.of("O'Reilly", List.of("O'Reilly")),
                Arguments.of("'); drop table posts; --", List.of("x'); drop table posts; --")),
                Arguments.of("\\", List.of("back\\slash")),
                Arguments.of("!", List.of("bang!")),
                Arguments.of("nothing like it", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    @Order(1)
    void a_typed_fragment_matches_literally_in_one_statement(String fragment, List<String> expected) {
        long alice = fixtures.insertUser("Alice");
        TITLES.forEach(title -> fixtures.insertPost(alice, title, null));

        List<String> found = exactly(1, "findTitlesContaining(\"" + fragment + "\")",
                () -> exercises.findTitlesContaining(fragment));

        assertThat(found).as(say("ex8.titles", fragment))
                .containsExactlyElementsOf(expected);
        assertThat(comments.count("select count(*) from posts")).as(say("ex8.posts_after")).isEqualTo(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    @Order(2)
    void the_fragment_is_a_parameter_never_part_of_the_sql(String fragment, List<String> expected) {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "O'Reilly", null);
        statements.reset();

        exercises.findTitlesContaining(fragment);

        if (fragment.length() >= 3) {
            assertThat(statements.executed()).as(say("ex8.sql", fragment))
                    .noneSatisfy(e -> assertThat(e.toString()).contains(fragment));
        }
        assertThat(statements.executed()).as(say("ex8.statements", fragment)).hasSize(1);
    }
}
