package onetomany.exercises.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.exercises.contract.Exercise;
import onetomany.exercises.contract.ExerciseNotSolved;
import onetomany.libraries.Library;
import org.junit.jupiter.api.DisplayName;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The progress board: exercises as rows, libraries as columns, ✔ or ✘; under it, for each library, the first
 * exercise not solved yet, with the names of every check that fails, the first failure's whole message, the first
 * tier of that library's hint (a nudge) and where the full report is. The other unsolved exercises get one line
 * each: the participant sees one clue per library, not the answers to exercises he has not read yet.
 *
 * <p>A JUnit Platform listener (registered in {@code META-INF/services}), so it sees every test of the run as it
 * finishes: a test tagged with a library's key in the registry ({@link Library}, {@code jpa}) and with {@code ex<n>}
 * (each exercise's suite has its number's tag) is exercise n in that library. At the end of the run it writes
 * the board to {@code target/exercise-board.txt}, which {@code ./exercise} prints (and {@link PrintBoard}, in the
 * {@code board} profile, for a plain {@code mvnw} command line), and one line per test and per cell to
 * {@code target/exercise-results.txt}, which CI reads. Cells whose tests did not run show "·". The board speaks
 * English or Russian: {@code -Dexercises.lang=ru}, or the JVM's locale when that property is empty.
 */
public class ProgressBoard implements TestExecutionListener {

    /** The tag each exercise's suite carries: {@code ex<n>}. */
    private static final Pattern EXERCISE_TAG = Pattern.compile("ex(\\d+)");

    /** One cell: the tests of one exercise in one library. */
    static final class Cell {
        final String testClass;
        int passed;
        int failed;
        int notSolved;
        final List<String> failedChecks = new ArrayList<>();
        String firstCheck;
        String firstMessage;

        Cell(String testClass) {
            this.testClass = testClass;
        }

        void fail(String check, Throwable failure) {
            failedChecks.add(check);
            if (isNotSolved(failure)) {
                notSolved++;
            }
            if (failed++ == 0) {
                firstCheck = check;
                firstMessage = failure == null ? "failed" : message(failure);
            }
        }

        boolean notStarted() {
            return failed > 0 && notSolved == failed && passed == 0;
        }
    }

    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final List<String> results = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        cell(test).ifPresent(cell -> {
            cell.fail(check(test), new AssertionError("skipped: " + reason));
            results.add("TEST\t" + key(test).orElseThrow() + "\tSKIPPED\t" + check(test));
        });
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<Cell> cell = cell(test);
        if (cell.isEmpty()) {
            return;
        }
        boolean classLevel = test.getSource().filter(ClassSource.class::isInstance).isPresent();
        if (test.isTest()) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                cell.get().passed++;
                results.add("TEST\t" + key(test).orElseThrow() + "\tPASSED\t" + check(test));
            } else {
                cell.get().fail(check(test), result.getThrowable().orElse(null));
                results.add("TEST\t" + key(test).orElseThrow() + "\tFAILED\t" + check(test));
            }
        } else if (classLevel && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // @BeforeAll failed (say, Hibernate refused the mapping): no test of the class ran.
            cell.get().fail(text().settingUp, result.getThrowable().orElse(null));
            results.add("TEST\t" + key(test).orElseThrow() + "\tFAILED\tsetting up the exercises");
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (cells.isEmpty()) {
            return; // not an exercise run
        }
        String board = board();
        write(System.getProperty("exercises.board", "target/exercise-board.txt"), board);
        List<String> lines = new ArrayList<>(results);
        cells.forEach((key, cell) -> lines.add("CELL\t" + key + "\t" + (cell.failed == 0 ? "PASSED" : "FAILED")));
        write(System.getProperty("exercises.results", "target/exercise-results.txt"), String.join("\n", lines) + "\n");
    }

    // -------------------------------------------------------------------------------------------------------------
    // The board

    String board() {
        Text t = text();
        StringBuilder out = new StringBuilder();
        String code = System.getProperty("exercises.code", "exercises");
        out.append(String.format(t.header, code)).append("\n\n");
        out.append(String.format("%-58s", ""));
        for (Library library : Library.ALL) {
            out.append(String.format("%-9s", library.label()));
        }
        out.append('\n');
        int solved = 0;
        int run = 0;
        for (Exercise exercise : Exercise.values()) {
            out.append(String.format("%2d  %-54s", exercise.number(), t.title(exercise)));
            for (Library library : Library.ALL) {
                Cell cell = cells.get(key(library, exercise.number()));
                String mark = cell == null ? "·" : cell.failed == 0 ? "✔" : "✘";
                if (cell != null) {
                    run++;
                    solved += cell.failed == 0 ? 1 : 0;
                }
                out.append(String.format("%-9s", "  " + mark));
            }
            out.append('\n');
        }
        boolean everyCell = run == Exercise.values().length * Library.ALL.size();
        out.append('\n').append(String.format(t.solved, solved, run)).append(everyCell ? "" : t.notRun).append('\n');
        for (Library library : Library.ALL) {
            boolean first = true;
            for (Exercise exercise : Exercise.values()) {
                Cell cell = cells.get(key(library, exercise.number()));
                if (cell == null || cell.failed == 0) {
                    continue;
                }
                if (first) {
                    clue(out, library, exercise, cell);
                    first = false;
                } else {
                    out.append(String.format(t.laterLine, exercise.number(), library.label(),
                            cell.notStarted() ? t.notStarted
                                    : String.format(t.checksFail, cell.failed, cell.failed + cell.passed),
                            library.key(), exercise.number())).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The first unsolved exercise of a library: every failing check, the first message, the nudge, the paths. */
    private void clue(StringBuilder out, Library library, Exercise exercise, Cell cell) {
        Text t = text();
        out.append('\n').append(String.format("✘ %d %s — %s", exercise.number(), library.label(), t.title(exercise)))
                .append('\n');
        if (cell.notStarted()) {
            out.append("    ").append(t.notStartedLong).append('\n');
        } else {
            out.append("    ").append(String.format(t.failingChecks, cell.failed, cell.failed + cell.passed))
                    .append('\n');
            for (String check : cell.failedChecks) {
                out.append("      - ").append(check).append('\n');
            }
            out.append("    ").append(String.format(t.firstFailure, cell.firstCheck)).append('\n');
            cell.firstMessage.lines().forEach(line -> out.append("      ").append(line).append('\n'));
        }
        hint(exercise, library, 1).ifPresent(hint -> out.append("    ").append(t.hint).append(' ').append(hint)
                .append(String.format(t.nextTier, library.key(), exercise.number())).append('\n'));
        out.append("    ").append(t.instructions).append(' ').append(instructions(exercise)).append('\n');
        out.append("    ").append(t.report).append(" exercise-kit/tests/target/surefire-reports/")
                .append(cell.testClass)
                .append(".txt\n");
    }

    /** The instructions file in the board's language, relative to the repository's root. */
    static String instructions(Exercise exercise) {
        return instructions(exercise, russian());
    }

    static String instructions(Exercise exercise, boolean russian) {
        return russian ? exercise.instructions().replace("instructions/", "instructions/ru/") : exercise.instructions();
    }

    /**
     * Tier {@code tier} (1 nudge, 2 approach, 3 answer) of a library's hint, in the board's language: the first two
     * from the exercise's instructions file, the answer from {@code answers/} beside it (see {@link Hints}).
     */
    static Optional<String> hint(Exercise exercise, Library library, int tier) {
        String file = exercise.instructions().substring(exercise.instructions().lastIndexOf('/') + 1);
        Path folder = Path.of(System.getProperty("exercises.instructions", "../../exercises/instructions"),
                russian() ? "ru" : "");
        try {
            return Hints.tier(Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8),
                    Files.readAllLines(folder.resolve("answers").resolve(file), StandardCharsets.UTF_8),
                    library.label(), tier);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Cells and names

    private Optional<Cell> cell(TestIdentifier test) {
        return key(test).map(key -> cells.computeIfAbsent(key, k -> new Cell(className(test).orElseThrow())));
    }

    private static String key(Library library, int exercise) {
        return library.label() + "\t" + exercise;
    }

    /** The test's cell, by its tags: a library's key and its exercise's {@code ex<n>}; none for other tests. */
    private static Optional<String> key(TestIdentifier test) {
        List<String> tags = test.getTags().stream().map(TestTag::getName).toList();
        Optional<Library> library = Library.ALL.stream().filter(l -> tags.contains(l.key())).findFirst();
        Optional<Integer> exercise = tags.stream().map(EXERCISE_TAG::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).findFirst();
        if (library.isEmpty() || exercise.isEmpty() || className(test).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(key(library.get(), exercise.get()));
    }

    private static Optional<String> className(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            return Optional.of(method.getClassName());
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return Optional.of(type.getClassName());
        }
        return Optional.empty();
    }

    /**
     * The test in words: its {@code @DisplayName} if it has one (which keeps apostrophes a method name cannot
     * have), else its method name with spaces; for a parameterized test, which case.
     */
    private String check(TestIdentifier test) {
        Optional<MethodSource> source = test.getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast);
        String name = source.map(ProgressBoard::displayName).orElse(test.getDisplayName());
        boolean invocation = plan != null && plan.getParent(test)
                .map(parent -> !parent.getSource().filter(ClassSource.class::isInstance).isPresent())
                .orElse(false);
        return invocation ? name + ", " + test.getDisplayName().replaceFirst("^\\[\\d+] ", "") : name;
    }

    private static String displayName(MethodSource source) {
        try {
            Method method = source.getJavaMethod();
            DisplayName named = method.getAnnotation(DisplayName.class);
            if (named != null) {
                return named.value();
            }
        } catch (RuntimeException e) {
            // the class could not be loaded here: the method name will do
        }
        return source.getMethodName().replace('_', ' ');
    }

    // -------------------------------------------------------------------------------------------------------------
    // Messages

    static boolean isNotSolved(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExerciseNotSolved) {
                return true;
            }
        }
        return false;
    }

    /** Lines a message keeps whole; a longer one keeps its head and its tail, where AssertJ puts the difference. */
    static final int MAX_LINES = 60;
    static final int HEAD_LINES = 12;
    /** Characters a line keeps; a longer one keeps its start and its end. */
    static final int MAX_LINE = 800;

    /**
     * What failed: the assertion's whole message (an exception's type and message), bounded: at most
     * {@value #MAX_LINES} lines, the first {@value #HEAD_LINES} and the last ones kept, since AssertJ ends with what
     * differs ("could not find", "but was"); each line at most {@value #MAX_LINE} characters, its middle left out.
     */
    static String message(Throwable failure) {
        if (isNotSolved(failure)) {
            return "ExerciseNotSolved";
        }
        String text = String.valueOf(failure.getMessage());
        if (!(failure instanceof AssertionError)) {
            text = failure.getClass().getName() + ": " + text;
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != failure) {
                text += "\ncaused by " + root.getClass().getName() + ": " + root.getMessage();
            }
        }
        List<String> lines = text.lines().map(String::stripTrailing).filter(line -> !line.isBlank())
                .map(ProgressBoard::shorten).toList();
        if (lines.size() <= MAX_LINES) {
            return String.join("\n", lines);
        }
        int tail = MAX_LINES - HEAD_LINES;
        List<String> kept = new ArrayList<>(lines.subList(0, HEAD_LINES));
        kept.add(String.format(text().linesLeftOut, lines.size() - MAX_LINES));
        kept.addAll(lines.subList(lines.size() - tail, lines.size()));
        return String.join("\n", kept);
    }

    private static String shorten(String line) {
        if (line.length() <= MAX_LINE) {
            return line;
        }
        int half = MAX_LINE / 2;
        return line.substring(0, half) + " [...] " + line.substring(line.length() - half);
    }

    private static void write(String file, String text) {
        try {
            Path path = Path.of(file);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // The board's words, in English and Russian

    static boolean russian() {
        String lang = System.getProperty("exercises.lang", "").strip();
        if (lang.isEmpty()) {
            lang = Locale.getDefault().getLanguage();
        }
        return lang.toLowerCase(Locale.ROOT).startsWith("ru");
    }

    static Text text() {
        return russian() ? Text.RUSSIAN : Text.ENGLISH;
    }

    /** Every text the board prints; {@code BoardTextsTest} checks that both languages have the same placeholders. */
    record Text(String header, String solved, String notRun, String notStarted, String notStartedLong,
                String checksFail, String laterLine, String failingChecks, String firstFailure, String hint,
                String nextTier, String instructions, String report, String linesLeftOut, String settingUp,
                List<String> titles) {

        String title(Exercise exercise) {
            return titles.get(exercise.number() - 1);
        }

        static final Text ENGLISH = new Text(
                "Progress board: the exercise tests against %s/",
                "%d of %d solved",
                " (· = not run this time)",
                "not started",
                "not started: every check fails with ExerciseNotSolved (the methods still throw it)",
                "%d of %d checks fail",
                "  ✘ %d %s: %s  (./exercise %s %d)",
                "%d of %d checks fail:",
                "The first one, %s:",
                "Hint:",
                "  (next hint: ./exercise %s %d --hint)",
                "Instructions:",
                "Full report:",
                "[... %d lines left out: the full report has them ...]",
                "setting up the exercises",
                List.of("Map comments: the foreign key and both directions",
                        "Load posts with comments: joined and select-in",
                        "Users, posts, comments: three levels, no duplicates",
                        "Cascade two levels, and delete-orphan",
                        "Count posts per user without loading them",
                        "A page of users with their posts",
                        "Move a post to another user",
                        "Search posts by a typed fragment",
                        "Save 5,000 posts in few round trips",
                        "Save a post with its comments from a draft"));

        static final Text RUSSIAN = new Text(
                "Доска прогресса: тесты упражнений на коде из %s/",
                "решено %d из %d",
                " (· = в этот раз не запускалось)",
                "не начато",
                "не начато: все проверки падают с ExerciseNotSolved (методы всё ещё его бросают)",
                "не проходят проверки: %d из %d",
                "  ✘ %d %s: %s  (./exercise %s %d)",
                "не проходят проверки: %d из %d:",
                "Первая из них, %s:",
                "Подсказка:",
                "  (следующая подсказка: ./exercise %s %d --hint)",
                "Задание:",
                "Полный отчёт:",
                "[... пропущено строк: %d, они есть в полном отчёте ...]",
                "подготовка упражнений",
                List.of("Отобразить комментарии: внешний ключ и обе стороны",
                        "Посты с комментариями: join и select-in",
                        "Пользователи, посты, комментарии: три уровня",
                        "Каскад на два уровня и delete-orphan",
                        "Посчитать посты пользователей, не загружая их",
                        "Страница пользователей с их постами",
                        "Перенести пост к другому пользователю",
                        "Поиск постов по введённому фрагменту",
                        "Сохранить 5000 постов за несколько обращений",
                        "Сохранить пост с комментариями из черновика"));
    }
}
