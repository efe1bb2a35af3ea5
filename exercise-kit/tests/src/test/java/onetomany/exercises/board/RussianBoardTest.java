package onetomany.exercises.board;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.exercises.ExerciseContract;
import onetomany.exercises.contract.Exercise;
import onetomany.exercises.contract.Exercises;
import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Russian board says everything in Russian: the exercise suites are run here, through the board in Russian, on
 * a red room and on a green one, and no English sentence may appear outside code, SQL and raw values.
 *
 * <p>The red room has every kind of failure, in each of the ten exercises: in the first library's column every
 * method is a stub ({@link Exercise#notSolved()}); in the second, the solutions give wrong answers (a list without
 * its first element, an empty Optional, a negated boolean, another id, or the call made twice: extra statements),
 * which makes the suites' own explanations and AssertJ's appear; in the third, every method of exercise 2 onwards
 * meets exercise 1 unsolved, so the board names what blocks. Each exercise is its own run, as
 * {@code ./exercise <library> <n>} is, so that each board shows that exercise's first failure; every failure's
 * message is checked too, not only the first. The green room is the solutions, every cell.
 *
 * <p>An English sentence: three English words or more in a row (letters only, a function word among them), outside
 * backticks, «quotes», "double quotes" (the values AssertJ prints are quoted) and lines of SQL.
 */
class RussianBoardTest {

    private static final Pattern SQL = Pattern.compile(
            "(?i)\\b(select\\b.*\\bfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from)\\b");
    private static final Pattern QUOTED = Pattern.compile("`[^`]*`|«[^»]*»|\"[^\"]*\"");
    private static final Pattern WORD = Pattern.compile("^\\(?[A-Za-z]+(?:'[a-z]+)?[,:;.!?)]*$");
    private static final Pattern FUNCTION_WORD = Pattern.compile(
            "(?i)^(the|a|an|of|to|is|are|was|were|be|in|on|with|and|but|not|no|its|it|has|have|for|from|by|than"
                    + "|that|this|at|as|or|must|should|did|does|do|one|every|each|some|all|none)$");

    @Test
    void a_red_board_of_every_exercise_says_everything_in_russian(@TempDir Path dir) throws Exception {
        List<String> english = new ArrayList<>();
        for (Exercise exercise : Exercise.values()) {
            Run run = run(dir, RussianBoardTest::red, exercise.number());
            assertThat(run.board()).as("the board of exercise %d", exercise.number()).contains("✘");
            english.addAll(englishSentences("board of exercise " + exercise.number(), run.board()));
            for (String message : run.messages()) {
                english.addAll(englishSentences("a failure in exercise " + exercise.number(), message));
            }
            Library blocked = Library.WORKSHOP.get(2 % Library.WORKSHOP.size());
            if (exercise.number() > 1) {
                assertThat(run.board()).as("the board of exercise %d names what blocks it", exercise.number())
                        .contains(String.format(ProgressBoard.Text.RUSSIAN.blockedBy(), 1,
                                ProgressBoard.Text.RUSSIAN.title(Exercise.MAP_COMMENTS),
                                "RussianBoardTest.foldCommentRow", ""))
                        .contains("./exercise --catch-up " + blocked.key() + " 1");
            }
        }
        assertThat(english).as("English sentences on the Russian board (outside code, SQL and raw values)").isEmpty();
    }

    /**
     * The green board from recorded results: every check of every cell passed (the suites themselves run on the
     * solutions in this same build, and CI prints the green board of {@code ./exercise --solutions}).
     */
    @Test
    void a_green_board_says_everything_in_russian(@TempDir Path dir) throws Exception {
        ProgressBoard board = new ProgressBoard(new ProgressBoard.Settings(true, "solutions",
                ProgressBoard.Command.SCRIPT, dir.resolve("board.txt"), dir.resolve("results.txt"), null, dir,
                Clock.systemUTC()));
        for (Library library : Library.WORKSHOP) {
            for (Exercise exercise : Exercise.values()) {
                board.executionFinished(ProgressBoardTest.test(library, exercise.number(), "a_check"),
                        TestExecutionResult.successful());
            }
        }
        board.testPlanExecutionFinished(null);
        Run run = new Run(Files.readString(dir.resolve("board.txt")), List.of());

        assertThat(run.board()).doesNotContain("✘").contains(String.format(ProgressBoard.Text.RUSSIAN.solved(),
                Exercise.values().length * Library.WORKSHOP.size(),
                Exercise.values().length * Library.WORKSHOP.size()));
        assertThat(englishSentences("the green board", run.board())).isEmpty();
    }

    @Test
    void the_heuristic_finds_an_english_sentence_but_not_code_sql_or_quoted_values() {
        assertThat(englishSentences("", "    Первая из них, a comment added to a post is one insert:")).hasSize(1);
        assertThat(englishSentences("", "Expecting actual:\n  [1]\nto contain exactly (and in same order):"))
                .hasSize(1);
        assertThat(englishSentences("", """
                [заголовки, где буквально есть "nothing like it"]
                  1. select p.title from posts p where p.title like ? order by p.id
                java.lang.IllegalStateException: «could not prepare the statement»
                `findTitlesContaining("it's mine")` ExerciseNotSolved: метод всё ещё заготовка""")).isEmpty();
    }

    // -------------------------------------------------------------------------------------------------------------

    /** One run's board and every failure's message, both in Russian. */
    record Run(String board, List<String> messages) {
    }

    /**
     * Runs exercise {@code number}'s suites in every library (0: every exercise) in Russian, with the exercises
     * {@code substitute} gives (null: the solutions), through a board of its own that writes nothing but its file.
     */
    private static Run run(Path dir, BiFunction<Library, Exercises, Exercises> substitute, int number)
            throws Exception {
        String lang = System.getProperty("exercises.lang");
        System.setProperty("exercises.lang", "ru");
        ExerciseContract.substitute = substitute;
        try {
            Path file = dir.resolve("board-" + number + ".txt");
            ProgressBoard board = new ProgressBoard(new ProgressBoard.Settings(true, "exercises",
                    ProgressBoard.Command.SCRIPT, file, dir.resolve("results-" + number + ".txt"), null,
                    Path.of(System.getProperty("exercises.instructions", "../../exercises/instructions")),
                    Clock.systemUTC()));
            List<String> messages = new ArrayList<>();
            TestExecutionListener failures = new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    result.getThrowable().ifPresent(t -> messages.add(ProgressBoard.message(t, true)));
                }
            };
            // Every library's suite of that exercise: JpaEx3Test, ... (what ./exercise runs, -Dtest=*Ex3Test).
            LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectPackage("onetomany.exercises"))
                    .filters(ClassNameFilter.includeClassNamePatterns(
                            ".*\\.[A-Za-z]+Ex" + (number == 0 ? "\\d+" : String.valueOf(number)) + "Test"))
                    .build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(discovery, board, failures);
            return new Run(Files.readString(file), messages);
        } finally {
            ExerciseContract.substitute = null;
            if (lang == null) {
                System.clearProperty("exercises.lang");
            } else {
                System.setProperty("exercises.lang", lang);
            }
        }
    }

    /** Each English sentence of the text, with where it was found. */
    static List<String> englishSentences(String where, String text) {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (SQL.matcher(line).find()) {
                continue;
            }
            String bare = QUOTED.matcher(line).replaceAll(" ");
            List<String> run = new ArrayList<>();
            for (String token : (bare + " |").split("\\s+")) {
                if (WORD.matcher(token).matches()) {
                    run.add(token);
                    continue;
                }
                if (run.size() >= 3 && run.stream().anyMatch(w -> FUNCTION_WORD.matcher(
                        w.replaceAll("[^A-Za-z]", "")).matches())) {
                    found.add(where + ": \"" + String.join(" ", run) + "\" in: " + line.strip());
                }
                run.clear();
            }
        }
        return found;
    }

    // ---- The red room ---------------------------------------------------------------------------------------------

    /** The first library: stubs; the second: wrong answers; the third: exercise 1 unsolved under the rest. */
    private static Exercises red(Library library, Exercises solution) {
        int column = Library.WORKSHOP.indexOf(library);
        return switch (column % 3) {
            case 0 -> proxy(solution, (method, args) -> {
                throw exercise(method).notSolved();
            });
            case 1 -> proxy(solution, (method, args) -> wrong(solution, method, args));
            default -> proxy(solution, (method, args) -> {
                if (exercise(method) == Exercise.MAP_COMMENTS) {
                    throw Exercise.MAP_COMMENTS.notSolved();
                }
                return foldCommentRow();
            });
        };
    }

    /** Exercise 1's piece that the others meet unsolved (a helper of exercise 1, as a participant's code has). */
    private static Object foldCommentRow() {
        throw Exercise.MAP_COMMENTS.notSolved();
    }

    /** The solution's answer made wrong, so that the suite's checks fail and explain why. */
    private static Object wrong(Exercises solution, Method method, Object[] args) throws Throwable {
        Object result = call(solution, method, args);
        if (result instanceof List<?> list) {
            return list.isEmpty() ? list : list.subList(1, list.size());
        }
        if (result instanceof Optional<?>) {
            return Optional.empty();
        }
        if (result instanceof Boolean b) {
            return !b;
        }
        if (result instanceof Long id) {
            return id + 1000;
        }
        if (result instanceof Integer statements) {
            return statements + 5;
        }
        return call(solution, method, args); // once more: statements the check did not allow
    }

    /** The exercise a method belongs to: the number of the interface that declares it, {@code Ex<n>...}. */
    private static Exercise exercise(Method method) {
        Matcher m = Pattern.compile("Ex(\\d+)").matcher(method.getDeclaringClass().getSimpleName());
        if (!m.lookingAt()) {
            throw new IllegalStateException(method + " belongs to no exercise");
        }
        return Exercise.number(Integer.parseInt(m.group(1)));
    }

    private interface Call {
        Object apply(Method method, Object[] args) throws Throwable;
    }

    private static Exercises proxy(Exercises solution, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class || method.getName().equals("close")) {
                return call(solution, method, args);
            }
            return call.apply(method, args);
        };
        return (Exercises) Proxy.newProxyInstance(Exercises.class.getClassLoader(), new Class<?>[] {Exercises.class},
                handler);
    }

    private static Object call(Exercises target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
