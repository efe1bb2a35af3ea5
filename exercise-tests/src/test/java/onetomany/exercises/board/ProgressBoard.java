package onetomany.exercises.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.exercises.contract.Exercise;
import onetomany.exercises.contract.ExerciseNotSolved;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The progress board: exercises as rows, libraries as columns, ✔ or ✘, and under it, for each ✘, the first check
 * that failed, in plain words, with that library's hint from the exercise's instructions file.
 *
 * <p>A JUnit Platform listener (registered in {@code META-INF/services}), so it sees every test of the run as it
 * finishes: a test class {@code <Library>Ex<n>Test} is exercise n in that library. At the end of the run it writes
 * the board to {@code target/exercise-board.txt}, which {@code ./exercise} prints, and one line per test and per
 * cell to {@code target/exercise-results.txt}, which CI reads. Cells whose tests did not run show "·".
 */
public class ProgressBoard implements TestExecutionListener {

    /** The columns: the test class prefix and the label used in the board and in the instructions' hints. */
    enum Library {
        JPA("Jpa", "JPA"), MYBATIS("MyBatis", "MyBatis"), JDBI("Jdbi", "Jdbi");

        final String prefix;
        final String label;

        Library(String prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        static Library ofPrefix(String prefix) {
            for (Library library : values()) {
                if (library.prefix.equals(prefix)) {
                    return library;
                }
            }
            throw new IllegalArgumentException(prefix);
        }
    }

    private static final Pattern TEST_CLASS =
            Pattern.compile("onetomany\\.exercises\\.\\w+\\.(Jpa|MyBatis|Jdbi)Ex(\\d)Test");

    /** One cell: the tests of one exercise in one library. */
    static final class Cell {
        int passed;
        int failed;
        String firstCheck;
        String firstMessage;

        void fail(String check, String message) {
            if (failed++ == 0) {
                firstCheck = check;
                firstMessage = message;
            }
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
            cell.fail(check(test), "skipped: " + reason);
            results.add("TEST\t" + key(test) + "\tSKIPPED\t" + check(test));
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
                results.add("TEST\t" + key(test) + "\tPASSED\t" + check(test));
            } else {
                cell.get().fail(check(test), message(result));
                results.add("TEST\t" + key(test) + "\tFAILED\t" + check(test));
            }
        } else if (classLevel && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // @BeforeAll failed (say, Hibernate refused the mapping): no test of the class ran.
            cell.get().fail("setting up the exercises", message(result));
            results.add("TEST\t" + key(test) + "\tFAILED\tsetting up the exercises");
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (cells.isEmpty()) {
            return; // not an exercise run
        }
        write(System.getProperty("exercises.board", "target/exercise-board.txt"), board());
        List<String> lines = new ArrayList<>(results);
        cells.forEach((key, cell) -> lines.add("CELL\t" + key + "\t" + (cell.failed == 0 ? "PASSED" : "FAILED")));
        write(System.getProperty("exercises.results", "target/exercise-results.txt"), String.join("\n", lines) + "\n");
    }

    String board() {
        StringBuilder out = new StringBuilder();
        String code = System.getProperty("exercises.code", "exercises");
        out.append("Progress board: the exercise tests against ").append(code).append("/\n\n");
        out.append(String.format("%-58s", ""));
        for (Library library : Library.values()) {
            out.append(String.format("%-9s", library.label));
        }
        out.append('\n');
        int solved = 0;
        int run = 0;
        for (Exercise exercise : Exercise.values()) {
            out.append(String.format("%2d  %-54s", exercise.number(), exercise.title()));
            for (Library library : Library.values()) {
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
        out.append('\n').append(solved).append(" of ").append(run).append(" solved")
                .append(run < 27 ? " (· = not run this time)" : "").append('\n');
        for (Exercise exercise : Exercise.values()) {
            for (Library library : Library.values()) {
                Cell cell = cells.get(key(library, exercise.number()));
                if (cell == null || cell.failed == 0) {
                    continue;
                }
                out.append('\n').append("✘ ").append(exercise.number()).append(' ').append(library.label)
                        .append(": ").append(cell.firstCheck)
                        .append(cell.failed > 1 ? "  (and " + (cell.failed - 1) + " more)" : "").append('\n');
                out.append("    ").append(cell.firstMessage).append('\n');
                hint(exercise, library).ifPresent(hint -> out.append("    Hint: ").append(hint).append('\n'));
                out.append("    Instructions: ").append(exercise.instructions()).append('\n');
            }
        }
        return out.toString();
    }

    /** The line {@code - **<Library>:** ...} of the exercise's instructions file. */
    static Optional<String> hint(Exercise exercise, Library library) {
        String file = exercise.instructions().substring(exercise.instructions().lastIndexOf('/') + 1);
        Path path = Path.of(System.getProperty("exercises.instructions", "../exercises/instructions"), file);
        try {
            String marker = "- **" + library.label + ":**";
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(marker))
                    .map(line -> line.substring(marker.length()).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Cell> cell(TestIdentifier test) {
        return className(test).map(TEST_CLASS::matcher).filter(Matcher::matches)
                .map(m -> cells.computeIfAbsent(key(Library.ofPrefix(m.group(1)), Integer.parseInt(m.group(2))),
                        k -> new Cell()));
    }

    private static String key(Library library, int exercise) {
        return library.label + "\t" + exercise;
    }

    private String key(TestIdentifier test) {
        Matcher m = TEST_CLASS.matcher(className(test).orElseThrow());
        m.matches();
        return key(Library.ofPrefix(m.group(1)), Integer.parseInt(m.group(2)));
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

    /** The test's method name in words, and for a parameterized test, which case. */
    private String check(TestIdentifier test) {
        String name = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getMethodName).orElse(test.getDisplayName());
        String words = name.replace('_', ' ');
        boolean invocation = plan != null && plan.getParent(test)
                .map(parent -> !parent.getSource().filter(ClassSource.class::isInstance).isPresent())
                .orElse(false);
        return invocation ? words + ", " + test.getDisplayName().replaceFirst("^\\[\\d+] ", "") : words;
    }

    /** What failed, on one line: the assertion's message, or the exception's type and message. */
    static String message(TestExecutionResult result) {
        Throwable failure = result.getThrowable().orElse(null);
        if (failure == null) {
            return "failed";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExerciseNotSolved notSolved) {
                return notSolved.getMessage();
            }
        }
        String text = String.valueOf(failure.getMessage());
        if (!(failure instanceof AssertionError)) {
            text = failure.getClass().getSimpleName() + ": " + text;
        }
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(4).toList();
        String oneLine = String.join(" ", lines);
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + " ..." : oneLine;
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
}
