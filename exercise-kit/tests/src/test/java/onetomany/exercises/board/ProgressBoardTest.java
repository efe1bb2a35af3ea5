package onetomany.exercises.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import onetomany.exercises.contract.Exercise;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the board bounds a failure's message, and how it reads the tiers of a hint. */
class ProgressBoardTest {

    @Test
    void a_long_message_keeps_its_head_and_its_tail_where_assertj_says_what_differs() {
        List<String> lines = new ArrayList<>(List.of("Expecting actual:"));
        for (int i = 0; i < 100; i++) {
            lines.add("  \"title " + i + "\",");
        }
        lines.add("but could not find the following elements:");
        lines.add("  [\"title 100\"]");
        String message = ProgressBoard.message(new AssertionError(String.join("\n", lines)), false);

        List<String> kept = message.lines().toList();
        assertThat(kept).hasSize(ProgressBoard.MAX_LINES + 1);
        assertThat(kept.get(0)).isEqualTo("Expecting actual:");
        assertThat(kept.get(ProgressBoard.HEAD_LINES)).contains(String.valueOf(lines.size() - ProgressBoard.MAX_LINES));
        assertThat(kept.subList(kept.size() - 2, kept.size()))
                .containsExactly("but could not find the following elements:", "  [\"title 100\"]");
    }

    @Test
    void a_short_message_is_shown_whole_and_a_very_long_line_keeps_its_start_and_its_end() {
        String message = "sent 2 statements, expected 1:\n  1. select a\n  2. select b";
        assertThat(ProgressBoard.message(new AssertionError(message), false)).isEqualTo(message);

        String line = "start " + "x".repeat(5000) + " end";
        String shortened = ProgressBoard.message(new AssertionError(line), false);
        assertThat(shortened).startsWith("start ").endsWith(" end").contains(" [...] ")
                .hasSizeLessThan(ProgressBoard.MAX_LINE + 10);
    }

    @Test
    void an_unsolved_stub_is_named_and_an_exception_keeps_its_type_and_root_cause() {
        assertThat(ProgressBoard.message(Exercise.MAP_COMMENTS.notSolved(), false)).startsWith("ExerciseNotSolved");
        String message = ProgressBoard.message(
                new IllegalStateException("outer", new IllegalArgumentException("the root")), false);
        assertThat(message).startsWith("java.lang.IllegalStateException: outer")
                .endsWith("caused by java.lang.IllegalArgumentException: the root");
    }

    @Test
    void the_three_tiers_are_read_under_the_library_heading_only() {
        List<String> file = List.of("## Hints", "", "### JPA", "",
                "1. **Nudge.** jpa nudge", "2. **Approach.** jpa approach", "3. **Answer.** In answers/x.md.", "",
                "### MyBatis", "", "1. **Намёк.** mybatis nudge");
        List<String> answers = List.of("# Exercise 1: the answers", "", "### JPA", "", "the answer", "```sql",
                "# not a heading inside a code block", "```", "", "### MyBatis", "");
        assertThat(Hints.tier(file, answers, "JPA", 1)).contains("jpa nudge");
        assertThat(Hints.tier(file, answers, "JPA", 2)).contains("jpa approach");
        assertThat(Hints.tier(file, answers, "JPA", 3))
                .contains("the answer\n```sql\n# not a heading inside a code block\n```");
        assertThat(Hints.tier(file, answers, "MyBatis", 1)).contains("mybatis nudge");
        assertThat(Hints.tier(file, answers, "MyBatis", 3)).isEqualTo(Optional.empty());
        assertThat(Hints.tier(file, answers, "Jdbi", 1)).isEmpty();
    }
}
