package onetomany.exercises.catchup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./exercise --catch-up jdbi 1}: puts the solution of one exercise in one library into {@code exercises/src},
 * so that a participant who fell behind can go on.
 *
 * <p>Both trees mark each exercise's code with regions, a line "// catch-up ex1 {" opening one and a line
 * "// catch-up }" closing it (in XML, the same words inside a comment): a stub's body, a mapping's annotations, a
 * helper the solution needs (an empty region in the stubs). The k-th region of a name in a file of
 * {@code exercises/src} is the k-th of that name in the same file of {@code solutions/src}. Catching up exercise n
 * replaces the content of every region {@code exN} in that library's files, and of every region of an earlier
 * exercise that is still untouched (empty, or still holding its {@code TODO exercise k}), since exercise n builds on
 * them — exercise 10 only on those it needs, {@link #NEEDS}; regions the participant wrote are left alone. In Java
 * files, the solution's imports that are missing are added. Nothing else changes: the other exercises, the other
 * libraries, the markers themselves.
 *
 * <p>It refuses to overwrite changes not committed to git in the files it would change, unless {@code --force}.
 * Once the solution is in place it compiles {@code exercises/} (Maven, as {@code ./exercise} builds it) before it
 * says it is done: the solution's helpers are put where the stubs mark them, and one may clash with a participant's
 * own helper of the same name (exercise 1's {@code foldPostRow} in Jdbi beside one written for exercise 2); if the
 * code does not compile, every file goes back as it was, and the compiler's errors are shown. It speaks English or
 * Russian ({@code --lang ru}, else the JVM's locale). Runs as a single-file program
 * ({@code java CatchUp.java jdbi 1 [--force] [--lang ru]}) from the repository's root: the JDK is all it needs.
 * Exit status: 0 done, 2 bad arguments or regions that do not pair up, 3 refused (uncommitted changes), 4 rolled back
 * (the code did not compile with the solution in place).
 */
public final class CatchUp {

    static final Pattern OPEN = Pattern.compile("^\\s*(?://|<!--) catch-up ex(\\d+) \\{");
    static final Pattern CLOSE = Pattern.compile("^\\s*(?://|<!--) catch-up }");
    static final Pattern TODO = Pattern.compile("TODO exercise (\\d+)");

    /**
     * The earlier exercises an exercise builds on, where it is not all of them: exercise 10 (a post saved from a
     * draft) needs the comments' mapping (1), {@code removeComment}'s both sides (4) and JDBC batching (9), not the
     * queries of 2, 3 and 5 to 8, so that a room can go from exercise 4 to exercise 10.
     */
    static final Map<Integer, List<Integer>> NEEDS = Map.of(10, List.of(1, 4, 9));

    /** Whether catching up {@code exercise} puts an untouched region of {@code earlier} in place too. */
    static boolean buildsOn(int exercise, int earlier) {
        return earlier < exercise && NEEDS.getOrDefault(exercise, List.of(earlier)).contains(earlier);
    }

    /** One region: its exercise, and the lines of its content (between the markers, exclusive). */
    record Region(int exercise, int from, int to) {
    }

    /** What a catch-up would write: the new text of each file that changes, its text before, and what it put in. */
    record Plan(Map<Path, List<String>> files, Map<Path, List<String>> before, List<String> report) {
    }

    /** The registry of libraries, as the test kit's {@code onetomany.libraries.Library} reads it too. */
    static final String LIBRARIES = "test-harness/src/main/resources/onetomany/libraries/libraries.txt";

    private CatchUp() {
    }

    /**
     * The keys of the libraries the workshop teaches: the first column of {@link #LIBRARIES}, on the lines that are
     * not comments and whose last column (the exercises) is not {@code -}.
     */
    static List<String> libraries(Path root) {
        return read(root.resolve(LIBRARIES)).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> !line.substring(line.lastIndexOf('|') + 1).strip().equals("-"))
                .map(line -> line.substring(0, line.indexOf('|')).strip()).toList();
    }

    public static void main(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        System.exit(run(root, List.of(args), CatchUp::mavenCompile, System.out, System.err));
    }

    /**
     * Checks that the code compiles after a catch-up: the error lines if it does not, empty if it does. The command
     * line's is Maven's ({@link #mavenCompile}); the tests give a compiler of their own.
     */
    @FunctionalInterface
    interface Compiler {
        Optional<String> errors(Path root);
    }

    /** The exit statuses, as {@code ./exercise}'s header lists them. */
    static final int DONE = 0;
    static final int BAD_ARGUMENTS = 2;
    static final int REFUSED = 3;
    static final int ROLLED_BACK = 4;

    /** The command line's work: parses the arguments, plans, writes, compiles, and rolls back if that fails. */
    static int run(Path root, List<String> args, Compiler compiler, PrintStream out, PrintStream err) {
        String library = null;
        int exercise = 0;
        boolean force = false;
        boolean russian = Locale.getDefault().getLanguage().equals("ru");
        List<String> libraries = libraries(root);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--force")) {
                force = true;
            } else if (arg.equals("--lang") && i + 1 < args.size()) {
                russian = args.get(++i).toLowerCase(Locale.ROOT).startsWith("ru");
            } else if (arg.matches("[1-9]|10")) {
                exercise = Integer.parseInt(arg);
            } else if (libraries.contains(arg.toLowerCase(Locale.ROOT))) {
                library = arg.toLowerCase(Locale.ROOT);
            } else {
                err.println(say(russian, "unknown", arg));
                return BAD_ARGUMENTS;
            }
        }
        if (library == null || exercise == 0) {
            err.println(say(russian, "usage", String.join("|", libraries)));
            return BAD_ARGUMENTS;
        }
        Plan plan;
        try {
            plan = plan(root, library, exercise, russian);
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return BAD_ARGUMENTS;
        }
        if (plan.files().isEmpty()) {
            out.println(say(russian, "nothing", exercise, library));
            return DONE;
        }
        if (!force) {
            List<String> dirty = uncommitted(root, plan.files().keySet());
            if (!dirty.isEmpty()) {
                err.println(say(russian, "dirty"));
                dirty.forEach(line -> err.println("  " + line));
                err.println(say(russian, "commit"));
                return REFUSED;
            }
        }
        write(plan);
        out.println(say(russian, "compiling"));
        Optional<String> errors = compiler.errors(root);
        if (errors.isPresent()) {
            restore(plan);
            err.println(say(russian, "rolledBack", exercise, library));
            errors.get().lines().limit(30).forEach(line -> err.println("  " + line));
            err.println(say(russian, "rolledBackHow"));
            return ROLLED_BACK;
        }
        plan.report().forEach(out::println);
        out.println(say(russian, "run", library, exercise));
        return DONE;
    }

    /**
     * Compiles {@code exercises/} with the Maven wrapper, as {@code ./exercise} builds it ({@code -pl exercises -am
     * compile}, quiet): the lines of Maven's errors if it fails.
     */
    static Optional<String> mavenCompile(Path root) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        List<String> command = new ArrayList<>(windows ? List.of("cmd", "/c", "mvnw.cmd") : List.of("./mvnw"));
        command.addAll(List.of("-B", "-q", "-pl", "exercises", "-am", "compile"));
        try {
            Process maven = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!maven.waitFor(15, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                return Optional.of("(Maven did not finish within 15 minutes)");
            }
            if (maven.exitValue() == 0) {
                return Optional.empty();
            }
            List<String> errors = output.lines().filter(line -> line.startsWith("[ERROR]"))
                    .filter(line -> !line.matches(".*(Help 1|Re-run Maven|re-run Maven|-e switch|-X switch|For more"
                            + " information|resume the build|mvn <args>|MojoFailureException).*"))
                    .filter(line -> !line.strip().equals("[ERROR]") && !line.contains("Failed to execute goal"))
                    .distinct().toList();
            return Optional.of(errors.isEmpty() ? output.strip() : String.join("\n", errors));
        } catch (IOException e) {
            return Optional.of("(" + String.join(" ", command) + ": " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("(interrupted)");
        }
    }

    // ---- What it says, in English and in Russian (side by side; CatchUpTest keeps them in step) -----------------

    static final Map<String, List<String>> TEXTS = new LinkedHashMap<>();

    static {
        text("unknown", "unknown argument: %s", "неизвестный аргумент: %s");
        text("usage", "usage: ./exercise --catch-up %s 1-10 [--force]",
                "как вызывать: ./exercise --catch-up %s 1-10 [--force]");
        text("nothing", "Nothing to do: exercise %d in %s is already the solution's.",
                "Делать нечего. Упражнение %d в %s уже как в решении.");
        text("dirty", "Not done: these files have changes not committed to git, which catching up would overwrite:",
                "Ничего не сделано. В этих файлах есть изменения, которых нет в git, и --catch-up бы их затёр:");
        text("commit", "Commit them (git add -A && git commit -m \"my work\"), or run again with --force to overwrite"
                        + " them.",
                "Закоммитьте их (git add -A && git commit -m \"my work\") или запустите ещё раз с --force, чтобы"
                        + " затереть.");
        text("compiling", "Checking that exercises/ compiles with the solution in place...",
                "Проверяю, что exercises/ компилируется с решением...");
        text("rolledBack", "Not done: with the solution of exercise %d in %s in place, exercises/ does not compile."
                        + " Your files are back as they were. The compiler said:",
                "Ничего не сделано. С решением упражнения %d в %s код в exercises/ не компилируется. Ваши файлы"
                        + " возвращены как были. Что сказал компилятор:");
        text("rolledBackHow", "Often a helper of yours has the name of one the solution brings (say, foldPostRow):"
                        + " rename or remove yours, then catch up again.",
                "Обычно это ваш вспомогательный метод с тем же именем, что и у метода из решения (например,"
                        + " foldPostRow). Переименуйте или удалите свой и снова запустите --catch-up.");
        text("caughtUp", "Caught up: exercise %d in %s is now the solution's. Files changed:",
                "Готово, вы догнали группу. Упражнение %d в %s теперь как в решении. Изменены файлы:");
        text("exercise", "exercise %d", "упражнение %d");
        text("run", "It compiles. Run ./exercise %s %d to see it pass.",
                "Код компилируется. Запустите ./exercise %s %d и увидите, что проверки проходят.");
    }

    private static void text(String key, String english, String russian) {
        TEXTS.put(key, List.of(english, russian));
    }

    static String say(boolean russian, String key, Object... args) {
        return String.format(TEXTS.get(key).get(russian ? 1 : 0), args);
    }

    /** The files of a library under a source tree (exercises/src or solutions/src), relative to that tree. */
    static List<Path> libraryFiles(Path tree, String library) {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("main/java/onetomany/exercises/" + library,
                "main/resources/onetomany/exercises/" + library)) {
            Path base = tree.resolve(dir);
            if (Files.isDirectory(base)) {
                try (Stream<Path> walk = Files.walk(base)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(f -> files.add(tree.relativize(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    static Plan plan(Path root, String library, int exercise) {
        return plan(root, library, exercise, false);
    }

    static Plan plan(Path root, String library, int exercise, boolean russian) {
        Path exercises = root.resolve("exercises/src");
        Path solutions = root.resolve("solutions/src");
        Map<Path, List<String>> files = new LinkedHashMap<>();
        Map<Path, List<String>> before = new LinkedHashMap<>();
        List<String> report = new ArrayList<>();
        for (Path file : libraryFiles(solutions, library)) {
            Path target = exercises.resolve(file);
            List<String> mine = read(target);
            List<String> theirs = read(solutions.resolve(file));
            List<Region> myRegions = regions(mine, target);
            List<Region> theirRegions = regions(theirs, solutions.resolve(file));
            if (!names(myRegions).equals(names(theirRegions))) {
                throw new IllegalStateException("The catch-up regions of " + root.relativize(target) + " ("
                        + names(myRegions) + ") do not match those of solutions/src (" + names(theirRegions)
                        + "): was a marker deleted?");
            }
            List<String> result = new ArrayList<>(mine);
            List<String> put = new ArrayList<>();
            // From the last region to the first, so that earlier line numbers stay valid.
            for (int i = myRegions.size() - 1; i >= 0; i--) {
                Region my = myRegions.get(i);
                Region their = theirRegions.get(i);
                List<String> content = mine.subList(my.from(), my.to());
                boolean wanted = my.exercise() == exercise
                        || (buildsOn(exercise, my.exercise()) && untouched(content, my));
                List<String> solution = theirs.subList(their.from(), their.to());
                if (wanted && !content.equals(solution)) {
                    result.subList(my.from(), my.to()).clear();
                    result.addAll(my.from(), solution);
                    put.add(0, say(russian, "exercise", my.exercise()));
                }
            }
            if (file.toString().endsWith(".java") && !put.isEmpty()) {
                addImports(result, theirs);
            }
            if (!result.equals(mine)) {
                files.put(target, result);
                before.put(target, mine);
                report.add("  " + root.relativize(target) + ": " + String.join(", ", put.stream().distinct().toList()));
            }
        }
        if (!files.isEmpty()) {
            report.add(0, say(russian, "caughtUp", exercise, library));
        }
        return new Plan(files, before, report);
    }

    /** A region of an earlier exercise the participant has not written: empty, or still its stub. */
    private static boolean untouched(List<String> content, Region region) {
        if (content.stream().allMatch(String::isBlank)) {
            return true;
        }
        return content.stream().map(TODO::matcher).anyMatch(m -> m.find()
                && Integer.parseInt(m.group(1)) == region.exercise());
    }

    static List<Region> regions(List<String> lines, Path file) {
        List<Region> regions = new ArrayList<>();
        int open = -1;
        int exercise = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = OPEN.matcher(lines.get(i));
            if (start.find()) {
                if (open >= 0) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": a catch-up region inside another");
                }
                open = i;
                exercise = Integer.parseInt(start.group(1));
            } else if (CLOSE.matcher(lines.get(i)).find()) {
                if (open < 0) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": a catch-up region closed, never opened");
                }
                regions.add(new Region(exercise, open + 1, i));
                open = -1;
            }
        }
        if (open >= 0) {
            throw new IllegalStateException(file + ":" + (open + 1) + ": a catch-up region never closed");
        }
        return regions;
    }

    private static List<String> names(List<Region> regions) {
        return regions.stream().map(r -> "ex" + r.exercise()).toList();
    }

    /** Adds the solution's import lines the file lacks, after its last import. */
    private static void addImports(List<String> lines, List<String> solution) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("import ")) {
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        List<String> missing = solution.stream().filter(line -> line.startsWith("import "))
                .filter(line -> !lines.contains(line)).toList();
        lines.addAll(last + 1, missing);
    }

    /** The files among these that git reports as changed and not committed ({@code git status --porcelain}). */
    static List<String> uncommitted(Path root, Iterable<Path> files) {
        List<String> command = new ArrayList<>(List.of("git", "status", "--porcelain", "--"));
        files.forEach(f -> command.add(root.relativize(f).toString()));
        try {
            Process git = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return List.of("(git status failed: " + out.strip() + ")");
            }
            return out.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of("(git could not be run: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("(interrupted)");
        }
    }

    static void write(Plan plan) {
        write(plan.files());
    }

    /** Puts back the files as they were before {@link #write(Plan)}. */
    static void restore(Plan plan) {
        write(plan.before());
    }

    private static void write(Map<Path, List<String>> files) {
        files.forEach((file, lines) -> {
            try {
                Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<String> read(Path file) {
        try {
            // split, not readAllLines: a file's last line break (or its absence) is kept as it was.
            return new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
