package onetomany.exercises.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import onetomany.exercises.contract.Exercise;
import onetomany.exercises.contract.ExerciseNotSolved;
import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How the board bounds a failure's message, names what blocks a cell, suggests the commands of the form it was run
 * from, records and prints the times of each cell, and how it reads the tiers of a hint.
 */
class ProgressBoardTest {

    /** A piece of exercise 1 that a participant has not written: what a stub's helper throws. */
    private static Object commentRow() {
        throw Exercise.MAP_COMMENTS.notSolved();
    }

    @Test
    void a_failure_from_an_earlier_exercise_names_that_exercise_and_the_method_that_threw() {
        ExerciseNotSolved unsolved = catchThrowableOfType(ProgressBoardTest::commentRow, ExerciseNotSolved.class);

        ProgressBoard.Blocker blocker = ProgressBoard.blocker(unsolved, "exercises");

        assertThat(blocker.exercise()).isEqualTo(Exercise.MAP_COMMENTS);
        assertThat(blocker.method()).isEqualTo("ProgressBoardTest.commentRow");
        assertThat(blocker.where()).matches("exercises/src/main/java/onetomany/exercises/board/ProgressBoardTest"
                + "\\.java:\\d+");
        assertThat(ProgressBoard.message(new IllegalStateException("wrapped", unsolved), true))
                .isEqualTo("ExerciseNotSolved: упражнение 1 ещё не решено (ProgressBoardTest.commentRow всё ещё его"
                        + " бросает)");
    }

    @Test
    void the_commands_it_suggests_are_those_of_the_form_it_was_run_from() {
        Library jdbi = Library.WORKSHOP.get(Library.WORKSHOP.size() - 1);
        String test = "onetomany.exercises." + jdbi.key() + "." + jdbi.label() + "Ex2Test";
        ProgressBoard.Command script = ProgressBoard.Command.of("exercise");
        ProgressBoard.Command windows = ProgressBoard.Command.of("exercise.cmd");
        ProgressBoard.Command maven = ProgressBoard.Command.of("maven");

        assertThat(script.hint(jdbi, 2)).contains("./exercise " + jdbi.key() + " 2 --hint");
        assertThat(windows.hint(jdbi, 2)).contains("exercise.cmd " + jdbi.key() + " 2 --hint");
        assertThat(maven.hint(jdbi, 2)).as("the plain Maven form has no hint command: the board names the file")
                .isEmpty();
        assertThat(script.rerun(jdbi, 2, test)).isEqualTo("./exercise " + jdbi.key() + " 2");
        assertThat(windows.rerun(jdbi, 2, test)).isEqualTo("exercise.cmd " + jdbi.key() + " 2");
        assertThat(maven.rerun(jdbi, 2, test)).endsWith(" -q -pl exercise-kit/tests -am test -Pboard -Dtest="
                + jdbi.label() + "Ex2Test");
        assertThat(windows.catchUp(jdbi, 1)).isEqualTo("exercise.cmd --catch-up " + jdbi.key() + " 1");
        assertThat(ProgressBoard.Command.of("")).isEqualTo(maven);
    }

    @Test
    void exercise_cmd_tells_the_board_its_name_and_returns_mavens_status() throws java.io.IOException {
        String cmd = java.nio.file.Files.readString(java.nio.file.Path.of("../../exercise.cmd"));
        assertThat(cmd).contains("-Pboard", "-Dexercises.command=exercise.cmd", "set \"STATUS=%ERRORLEVEL%\"",
                "if not exist \"%BOARD%\" exit /b 2", "exit /b %STATUS%");
        assertThat(PrintBoard.red("решено 0 из 1\n ✘ 1 Jdbi")).isTrue();
        assertThat(PrintBoard.red("1 of 1 solved\n  ✔")).isFalse();
    }

    @Test
    void the_times_keep_the_first_run_and_the_first_green_of_each_cell_and_print_the_minutes_between(
            @TempDir Path dir) {
        Path file = dir.resolve(Times.FILE);
        Instant nine = Instant.parse("2026-12-03T09:00:00Z");
        Times.write(file, Times.record(Times.read(file), Map.of("jdbi\t1", false), nine));
        Times.write(file, Times.record(Times.read(file), Map.of("jdbi\t1", false, "jpa\t1", true),
                nine.plusSeconds(5 * 60)));
        Times.write(file, Times.record(Times.read(file), Map.of("jdbi\t1", true), nine.plusSeconds(42 * 60 + 30)));
        Times.write(file, Times.record(Times.read(file), Map.of("jdbi\t1", true, "jdbi\t2", false),
                nine.plusSeconds(50 * 60)));

        List<Times.Entry> entries = Times.read(file);
        assertThat(entries).containsExactly(
                new Times.Entry("jdbi", 1, nine, nine.plusSeconds(42 * 60 + 30)),
                new Times.Entry("jdbi", 2, nine.plusSeconds(50 * 60), null),
                new Times.Entry("jpa", 1, nine.plusSeconds(5 * 60), nine.plusSeconds(5 * 60)));
        assertThat(entries.get(0).minutes()).isEqualTo(42);

        String english = Times.print(entries, false, ZoneOffset.UTC);
        assertThat(english).contains("first run", "first ✔", "minutes")
                .containsPattern("jdbi +1 +2026-12-03 09:00 +2026-12-03 09:42 +42")
                .containsPattern("jdbi +2 +2026-12-03 09:50 +— +—")
                .containsPattern("jpa +1 +2026-12-03 09:05 +2026-12-03 09:05 +0");
        String russian = Times.print(entries, true, ZoneOffset.UTC);
        assertThat(russian).contains("первый запуск", "минут").containsPattern("jdbi +1 +2026-12-03 09:00 .* 42");
        assertThat(Times.print(List.of(), true, ZoneOffset.UTC)).startsWith("Времени пока нет");
    }

    @Test
    void the_times_are_recorded_for_a_run_on_exercises_only_never_on_solutions(@TempDir Path dir) {
        for (String code : List.of("solutions", "exercises")) {
            ProgressBoard board = new ProgressBoard(new ProgressBoard.Settings(false, code,
                    ProgressBoard.Command.SCRIPT, dir.resolve("board.txt"), dir.resolve("results.txt"),
                    dir.resolve(Times.FILE), dir, Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC)));
            board.executionFinished(test(Library.WORKSHOP.get(0), 1, "a_check"), TestExecutionResult.successful());
            board.recordTimes();
            assertThat(Times.read(dir.resolve(Times.FILE))).as("times after a run on %s/", code)
                    .hasSize(code.equals("solutions") ? 0 : 1);
        }
    }

    /** One test of an exercise in a library, as the JUnit platform describes it to a listener. */
    static TestIdentifier test(Library library, int exercise, String method) {
        org.junit.platform.engine.TestDescriptor descriptor = new org.junit.platform.engine.support.descriptor
                .AbstractTestDescriptor(org.junit.platform.engine.UniqueId.root("test", library.key() + exercise
                + method), method, org.junit.platform.engine.support.descriptor.MethodSource.from(
                "onetomany.exercises." + library.key() + "." + library.label() + "Ex" + exercise + "Test", method)) {
            @Override
            public Type getType() {
                return Type.TEST;
            }

            @Override
            public java.util.Set<org.junit.platform.engine.TestTag> getTags() {
                return java.util.Set.of(org.junit.platform.engine.TestTag.create(library.key()),
                        org.junit.platform.engine.TestTag.create("ex" + exercise));
            }
        };
        return TestIdentifier.from(descriptor);
    }

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
