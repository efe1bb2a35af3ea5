package onetomany.exercises.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.exercises.Checks;
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
 * each: the participant sees one clue per library, not the answers to exercises he has not read yet. A test that
 * fails because an earlier exercise is not solved (a stub of exercise 1 still throws {@link ExerciseNotSolved} while
 * exercise 2 is tested) is reported as blocked, with that exercise and the method that threw.
 *
 * <p>A JUnit Platform listener (registered in {@code META-INF/services}), so it sees every test of the run as it
 * finishes: a test tagged with a library's key in the registry ({@link Library}, {@code jpa}) and with {@code ex<n>}
 * (each exercise's suite has its number's tag) is exercise n in that library. At the end of the run it writes
 * the board to {@code target/exercise-board.txt}, which {@code ./exercise} prints (and {@link PrintBoard}, in the
 * {@code board} profile, for a plain {@code mvnw} command line), one line per test and per cell to
 * {@code target/exercise-results.txt}, which CI reads, and, for a run on {@code exercises/}, when each cell was first
 * run and first passed ({@link Times}). Cells whose tests did not run show "·".
 *
 * <p>The board speaks English or Russian ({@code -Dexercises.lang=ru}, or the JVM's locale when that property is
 * empty), every sentence of it: its frame here, each check's name and each explanation from {@link Checks}, and
 * AssertJ's own words through {@link AssertjWords}. Only code, SQL and raw values stay as they are. The commands it
 * suggests are those of the form it was run from ({@code -Dexercises.command}: {@code exercise}, {@code exercise.cmd},
 * or {@code maven}, a plain {@code mvnw} command line).
 */
public class ProgressBoard implements TestExecutionListener {

    /** The tag each exercise's suite carries: {@code ex<n>}. */
    private static final Pattern EXERCISE_TAG = Pattern.compile("ex(\\d+)");

    /** Where the board was run from: the commands it suggests are that form's. */
    enum Command {
        SCRIPT, WINDOWS, MAVEN;

        static Command of(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "exercise", "./exercise" -> SCRIPT;
                case "exercise.cmd" -> WINDOWS;
                default -> MAVEN;
            };
        }

        /** The command that runs one cell again. */
        String rerun(Library library, int exercise, String testClass) {
            return switch (this) {
                case SCRIPT -> "./exercise " + library.key() + " " + exercise;
                case WINDOWS -> "exercise.cmd " + library.key() + " " + exercise;
                case MAVEN -> maven() + " -q -pl exercise-kit/tests -am test -Pboard -Dtest="
                        + testClass.substring(testClass.lastIndexOf('.') + 1);
            };
        }

        /** The command that shows a cell's next hint; none in the plain Maven form. */
        Optional<String> hint(Library library, int exercise) {
            return switch (this) {
                case SCRIPT -> Optional.of("./exercise " + library.key() + " " + exercise + " --hint");
                case WINDOWS -> Optional.of("exercise.cmd " + library.key() + " " + exercise + " --hint");
                case MAVEN -> Optional.empty();
            };
        }

        /** The command that puts an exercise's solution in place. */
        String catchUp(Library library, int exercise) {
            return (this == WINDOWS ? "exercise.cmd" : "./exercise") + " --catch-up " + library.key() + " " + exercise;
        }

        private static String maven() {
            return System.getProperty("os.name", "").startsWith("Windows") ? "mvnw.cmd" : "./mvnw";
        }
    }

    /** What a board run needs to know: its language, the code under test, its command form, and its files. */
    record Settings(boolean russian, String code, Command command, Path board, Path results, Path times,
                    Path instructions, Clock clock) {

        /** From the system properties that the pom (surefire) sets. */
        static Settings fromSystemProperties() {
            String times = System.getProperty("exercises.times", "").strip();
            return new Settings(Checks.russian(), System.getProperty("exercises.code", "exercises"),
                    Command.of(System.getProperty("exercises.command", "maven")),
                    Path.of(System.getProperty("exercises.board", "target/exercise-board.txt")),
                    Path.of(System.getProperty("exercises.results", "target/exercise-results.txt")),
                    times.isEmpty() ? null : Path.of(times),
                    Path.of(System.getProperty("exercises.instructions", "../../exercises/instructions")),
                    Clock.systemUTC());
        }
    }

    /** Which piece of an earlier exercise a failure met still unsolved: the exercise, and the method that threw. */
    record Blocker(Exercise exercise, String method, String where) {
    }

    /** One cell: the tests of one exercise in one library. */
    static final class Cell {
        final Library library;
        final int exercise;
        final String testClass;
        int passed;
        int failed;
        int notSolved;
        final List<String> failedChecks = new ArrayList<>();
        final Map<String, Blocker> blockers = new LinkedHashMap<>();
        String firstCheck;
        String firstMessage;

        Cell(Library library, int exercise, String testClass) {
            this.library = library;
            this.exercise = exercise;
            this.testClass = testClass;
        }

        void fail(String check, Throwable failure, ProgressBoard board) {
            Optional<ExerciseNotSolved> unsolved = notSolved(failure);
            Optional<Blocker> blocker = unsolved.filter(e -> e.exercise() != null && e.exercise().number() != exercise)
                    .map(e -> blocker(e, board.settings.code()));
            blocker.ifPresent(b -> blockers.putIfAbsent(b.exercise().number() + " " + b.method(), b));
            failedChecks.add(blocker.isPresent() ? check + "  " + board.text.blockedMark(blocker.get()) : check);
            if (unsolved.isPresent() && blocker.isEmpty()) {
                notSolved++;
            }
            if (failed++ == 0) {
                firstCheck = check;
                firstMessage = failure == null ? board.text.failed : board.message(failure);
            }
        }

        /** Every failure is this exercise's own stub: nothing of it written yet. */
        boolean notStarted() {
            return failed > 0 && notSolved == failed && passed == 0;
        }

        boolean blocked() {
            return !blockers.isEmpty();
        }
    }

    private final Settings settings;
    private final Text text;
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final List<String> results = new ArrayList<>();
    private TestPlan plan;

    /** The listener that JUnit loads: its settings from the system properties. */
    public ProgressBoard() {
        this(Settings.fromSystemProperties());
    }

    ProgressBoard(Settings settings) {
        this.settings = settings;
        this.text = settings.russian() ? Text.RUSSIAN : Text.ENGLISH;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        cell(test).ifPresent(cell -> {
            cell.fail(check(test), new AssertionError(String.format(text.skipped, reason)), this);
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
                cell.get().fail(check(test), result.getThrowable().orElse(null), this);
                results.add("TEST\t" + key(test).orElseThrow() + "\tFAILED\t" + check(test));
            }
        } else if (classLevel && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // @BeforeAll failed (say, Hibernate refused the mapping): no test of the class ran.
            cell.get().fail(text.settingUp, result.getThrowable().orElse(null), this);
            results.add("TEST\t" + key(test).orElseThrow() + "\tFAILED\tsetting up the exercises");
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (cells.isEmpty()) {
            return; // not an exercise run
        }
        write(settings.board(), board());
        List<String> lines = new ArrayList<>(results);
        cells.forEach((key, cell) -> lines.add("CELL\t" + key + "\t" + (cell.failed == 0 ? "PASSED" : "FAILED")));
        write(settings.results(), String.join("\n", lines) + "\n");
        recordTimes();
    }

    /** On the participant's code only (not solutions/): when each cell was first run and first went green. */
    void recordTimes() {
        if (settings.times() == null || !settings.code().equals("exercises")) {
            return;
        }
        Map<String, Boolean> green = new LinkedHashMap<>();
        cells.values().forEach(cell -> green.put(cell.library.key() + "\t" + cell.exercise, cell.failed == 0));
        try {
            Times.write(settings.times(),
                    Times.record(Times.read(settings.times()), green, settings.clock().instant()));
        } catch (UncheckedIOException e) {
            // The times are a nicety: a file that cannot be written must not hide the board.
            System.err.println("exercise times not recorded: " + e.getMessage());
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // The board

    String board() {
        Text t = text;
        StringBuilder out = new StringBuilder();
        out.append(String.format(t.header, settings.code())).append("\n\n");
        out.append(String.format("%-58s", ""));
        for (Library library : Library.WORKSHOP) {
            out.append(String.format("%-9s", library.label()));
        }
        out.append('\n');
        int solved = 0;
        int run = 0;
        for (Exercise exercise : Exercise.values()) {
            out.append(String.format("%2d  %-54s", exercise.number(), t.title(exercise)));
            for (Library library : Library.WORKSHOP) {
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
        boolean everyCell = run == Exercise.values().length * Library.WORKSHOP.size();
        out.append('\n').append(String.format(t.solved, solved, run)).append(everyCell ? "" : t.notRun).append('\n');
        for (Library library : Library.WORKSHOP) {
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
                    String state = cell.notStarted() ? t.notStarted
                            : cell.blocked() ? String.format(t.blockedShort, blockingExercises(cell))
                            : String.format(t.checksFail, cell.failed, cell.failed + cell.passed);
                    out.append(String.format(t.laterLine, exercise.number(), library.label(), state,
                            settings.command().rerun(library, exercise.number(), cell.testClass))).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The first unsolved exercise of a library: every failing check, the first message, the nudge, the paths. */
    private void clue(StringBuilder out, Library library, Exercise exercise, Cell cell) {
        Text t = text;
        out.append('\n').append(String.format("✘ %d %s — %s", exercise.number(), library.label(), t.title(exercise)))
                .append('\n');
        if (cell.blocked()) {
            for (Blocker blocker : cell.blockers.values()) {
                out.append("    ").append(String.format(t.blockedBy, blocker.exercise().number(),
                        t.title(blocker.exercise()), blocker.method(), blocker.where())).append('\n');
                out.append("      ").append(String.format(t.unblock, blocker.exercise().number(),
                        settings.command().catchUp(library, blocker.exercise().number()))).append('\n');
            }
        }
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
        hint(exercise, library, 1).ifPresent(hint -> {
            out.append("    ").append(t.hint).append(' ').append(hint).append("  ");
            out.append(settings.command().hint(library, exercise.number())
                    .map(command -> String.format(t.nextTier, command))
                    .orElse(String.format(t.nextTierInFile, instructions(exercise), library.label()))).append('\n');
        });
        out.append("    ").append(t.instructions).append(' ').append(instructions(exercise)).append('\n');
        out.append("    ").append(t.report).append(" exercise-kit/tests/target/surefire-reports/")
                .append(cell.testClass)
                .append(".txt\n");
    }

    private String blockingExercises(Cell cell) {
        return String.join(", ", cell.blockers.values().stream().map(b -> String.valueOf(b.exercise().number()))
                .distinct().toList());
    }

    /** The instructions file in the board's language, relative to the repository's root. */
    String instructions(Exercise exercise) {
        return instructions(exercise, settings.russian());
    }

    static String instructions(Exercise exercise, boolean russian) {
        return russian ? exercise.instructions().replace("instructions/", "instructions/ru/") : exercise.instructions();
    }

    /**
     * Tier {@code tier} (1 nudge, 2 approach, 3 answer) of a library's hint, in the board's language: the first two
     * from the exercise's instructions file, the answer from {@code answers/} beside it (see {@link Hints}).
     */
    Optional<String> hint(Exercise exercise, Library library, int tier) {
        String file = exercise.instructions().substring(exercise.instructions().lastIndexOf('/') + 1);
        Path folder = settings.instructions().resolve(settings.russian() ? "ru" : "");
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
        return key(test).map(key -> cells.computeIfAbsent(key, k -> {
            String[] parts = k.split("\t");
            Library library = Library.WORKSHOP.stream().filter(l -> l.label().equals(parts[0])).findFirst()
                    .orElseThrow();
            return new Cell(library, Integer.parseInt(parts[1]), className(test).orElseThrow());
        }));
    }

    private static String key(Library library, int exercise) {
        return library.label() + "\t" + exercise;
    }

    /** The test's cell, by its tags: a library's key and its exercise's {@code ex<n>}; none for other tests. */
    private static Optional<String> key(TestIdentifier test) {
        Optional<Library> library = library(test);
        Optional<Integer> exercise = exercise(test);
        if (library.isEmpty() || exercise.isEmpty() || className(test).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(key(library.get(), exercise.get()));
    }

    private static Optional<Library> library(TestIdentifier test) {
        List<String> tags = test.getTags().stream().map(TestTag::getName).toList();
        return Library.WORKSHOP.stream().filter(l -> tags.contains(l.key())).findFirst();
    }

    private static Optional<Integer> exercise(TestIdentifier test) {
        return test.getTags().stream().map(TestTag::getName).map(EXERCISE_TAG::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).findFirst();
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
     * The test in words, in the board's language: its name in {@link Checks} ({@code ex<n>.<method>}); else its
     * {@code @DisplayName}, else its method name with spaces. For a parameterized test, which case: the name's
     * {@code %s} takes the invocation's display name (its arguments), or the case follows the name after a comma.
     */
    private String check(TestIdentifier test) {
        Optional<MethodSource> source = test.getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast);
        boolean invocation = plan != null && plan.getParent(test)
                .map(parent -> !parent.getSource().filter(ClassSource.class::isInstance).isPresent())
                .orElse(false);
        String arguments = invocation ? test.getDisplayName().replaceFirst("^\\[\\d+] ", "") : null;
        Optional<String> named = source.flatMap(s -> exercise(test)
                .flatMap(n -> Checks.name(settings.russian(), n, s.getMethodName())));
        if (named.isPresent()) {
            String name = named.get();
            if (name.contains("%s")) {
                return String.format(name, arguments == null ? "" : arguments);
            }
            return arguments == null ? name : name + ", " + arguments;
        }
        String name = source.map(ProgressBoard::displayName).orElse(test.getDisplayName());
        return arguments == null ? name : name + ", " + arguments;
    }

    private static String displayName(MethodSource source) {
        try {
            DisplayName named = source.getJavaMethod().getAnnotation(DisplayName.class);
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
        return notSolved(failure).isPresent();
    }

    static Optional<ExerciseNotSolved> notSolved(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExerciseNotSolved unsolved) {
                return Optional.of(unsolved);
            }
        }
        return Optional.empty();
    }

    /**
     * The piece of code that threw an {@link ExerciseNotSolved}: the first frame of its stack outside the contract's
     * package (where {@code Exercise.notSolved()} builds it), as {@code Class.method}, and its file and line under
     * the code's tree ({@code exercises/src/main/java/...}).
     */
    static Blocker blocker(ExerciseNotSolved failure, String code) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("onetomany.exercises.contract.")) {
                continue;
            }
            String type = frame.getClassName();
            String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
            String simple = type.substring(type.lastIndexOf('.') + 1);
            String method = frame.getMethodName().startsWith("lambda$")
                    ? frame.getMethodName().split("\\$")[1] : frame.getMethodName();
            String where = code + "/src/main/java/" + outer.substring(0, outer.lastIndexOf('.') + 1).replace('.', '/')
                    + (frame.getFileName() != null ? frame.getFileName()
                    : outer.substring(outer.lastIndexOf('.') + 1) + ".java")
                    + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
            return new Blocker(failure.exercise(), simple.replace('$', '.') + "." + method, where);
        }
        return new Blocker(failure.exercise(), "?", code + "/src");
    }

    /** Lines a message keeps whole; a longer one keeps its head and its tail, where AssertJ puts the difference. */
    static final int MAX_LINES = 60;
    static final int HEAD_LINES = 12;
    /** Characters a line keeps; a longer one keeps its start and its end. */
    static final int MAX_LINE = 800;

    String message(Throwable failure) {
        return message(failure, settings.russian());
    }

    /**
     * What failed: the assertion's whole message (an exception's type and message), bounded: at most
     * {@value #MAX_LINES} lines, the first {@value #HEAD_LINES} and the last ones kept, since AssertJ ends with what
     * differs ("could not find", "but was"); each line at most {@value #MAX_LINE} characters, its middle left out.
     * In Russian, AssertJ's words are put in Russian and an exception's own message is quoted as it is («...»).
     */
    static String message(Throwable failure, boolean russian) {
        Text t = russian ? Text.RUSSIAN : Text.ENGLISH;
        Optional<ExerciseNotSolved> unsolved = notSolved(failure);
        if (unsolved.isPresent() && unsolved.get().exercise() != null) {
            return String.format(t.notSolved, unsolved.get().exercise().number(),
                    blocker(unsolved.get(), "").method());
        }
        String text;
        if (failure instanceof AssertionError) {
            text = russian ? AssertjWords.russian(String.valueOf(failure.getMessage())) : failure.getMessage();
            text = String.valueOf(text);
        } else {
            text = failure.getClass().getName() + ": " + quoted(failure.getMessage(), russian);
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != failure) {
                text += "\n" + t.causedBy + " " + root.getClass().getName() + ": " + quoted(root.getMessage(), russian);
            }
        }
        List<String> lines = text.lines().map(String::stripTrailing).filter(line -> !line.isBlank())
                .map(ProgressBoard::shorten).toList();
        if (lines.size() <= MAX_LINES) {
            return String.join("\n", lines);
        }
        int tail = MAX_LINES - HEAD_LINES;
        List<String> kept = new ArrayList<>(lines.subList(0, HEAD_LINES));
        kept.add(String.format(t.linesLeftOut, lines.size() - MAX_LINES));
        kept.addAll(lines.subList(lines.size() - tail, lines.size()));
        return String.join("\n", kept);
    }

    /** A library's own message, which the board cannot translate: in Russian, each line quoted as it is. */
    private static String quoted(String message, boolean russian) {
        if (!russian || message == null) {
            return String.valueOf(message);
        }
        return String.join("\n", message.lines().filter(l -> !l.isBlank()).map(l -> "«" + l.strip() + "»").toList());
    }

    private static String shorten(String line) {
        if (line.length() <= MAX_LINE) {
            return line;
        }
        int half = MAX_LINE / 2;
        return line.substring(0, half) + " [...] " + line.substring(line.length() - half);
    }

    private static void write(Path path, String text) {
        try {
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
        return Checks.russian();
    }

    static Text text() {
        return russian() ? Text.RUSSIAN : Text.ENGLISH;
    }

    /** Every text the board prints; {@code TranslationsTest} checks that both languages have the same placeholders. */
    record Text(String header, String solved, String notRun, String notStarted, String notStartedLong,
                String checksFail, String laterLine, String failingChecks, String firstFailure, String hint,
                String nextTier, String nextTierInFile, String instructions, String report, String linesLeftOut,
                String settingUp, String skipped, String failed, String notSolved, String causedBy,
                String blockedBy, String unblock, String blockedShort, String blocked, List<String> titles) {

        String title(Exercise exercise) {
            return titles.get(exercise.number() - 1);
        }

        String blockedMark(Blocker blocker) {
            return String.format(blocked, blocker.exercise().number());
        }

        static final Text ENGLISH = new Text(
                "Progress board: the exercise tests against %s/",
                "%d of %d solved",
                " (· = not run this time)",
                "not started",
                "not started: every check fails with ExerciseNotSolved (the methods still throw it)",
                "%d of %d checks fail",
                "  ✘ %d %s: %s  (%s)",
                "%d of %d checks fail:",
                "The first one, %s:",
                "Hint:",
                "(next hint: %s)",
                "(next hint: the approach in %s, under \"### %s\")",
                "Instructions:",
                "Full report:",
                "[... %d lines left out: the full report has them ...]",
                "setting up the exercises",
                "skipped: %s",
                "failed",
                "ExerciseNotSolved: exercise %d is not solved yet (%s still throws it)",
                "caused by",
                "Blocked by exercise %d (%s): %s still throws ExerciseNotSolved, at %s",
                "Solve exercise %d first, or catch up with the group: %s",
                "blocked by exercise %s",
                "(blocked by exercise %d)",
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
                "  ✘ %d %s: %s  (%s)",
                "не проходят проверки: %d из %d:",
                "Первая из них, %s:",
                "Подсказка:",
                "(следующая подсказка: %s)",
                "(следующая подсказка: подход в %s, в разделе «### %s»)",
                "Задание:",
                "Полный отчёт:",
                "[... пропущено строк: %d, они есть в полном отчёте ...]",
                "подготовка упражнений",
                "пропущено: %s",
                "упала",
                "ExerciseNotSolved: упражнение %d ещё не решено (%s всё ещё его бросает)",
                "причина:",
                "Мешает упражнение %d («%s»): %s всё ещё бросает ExerciseNotSolved, место: %s",
                "Сначала решите упражнение %d или догоните группу: %s",
                "мешает упражнение %s",
                "(мешает упражнение %d)",
                List.of("Маппинг комментариев: внешний ключ и обе стороны",
                        "Посты с комментариями: join и select-in",
                        "Пользователи, посты, комментарии: три уровня",
                        "Каскад на два уровня и удаление сирот",
                        "Посчитать посты пользователей, не загружая их",
                        "Страница пользователей с их постами",
                        "Перенести пост к другому пользователю",
                        "Поиск постов по введённому фрагменту",
                        "Сохранить 5000 постов за несколько обращений",
                        "Сохранить пост с комментариями из черновика"));
    }
}
