package onetomany.exercises.catchup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * them — exercise 10 only on those it needs, {@link #NEEDS}; regions the participant wrote are left alone. In
 * Java files, the solution's imports that are missing are added. Nothing else changes: the other exercises, the
 * other libraries, the markers themselves.
 *
 * <p>It refuses to overwrite changes not committed to git in the files it would change, unless {@code --force}.
 * Runs as a single-file program ({@code java CatchUp.java jdbi 1}) from the repository's root: the JDK is all it
 * needs. Exit status: 0 done, 2 bad arguments or regions that do not pair up, 3 refused.
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

    /** What a catch-up would write: the new text of each file that changes, and what it put in. */
    record Plan(Map<Path, List<String>> files, List<String> report) {
    }

    /** The registry of libraries, as the test kit's {@code onetomany.libraries.Library} reads it too. */
    static final String LIBRARIES = "test-kit/src/main/resources/onetomany/libraries/libraries.txt";

    private CatchUp() {
    }

    /** The libraries' keys: the first column of {@link #LIBRARIES}, whose lines are not comments. */
    static List<String> libraries(Path root) {
        return read(root.resolve(LIBRARIES)).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('|')).strip()).toList();
    }

    public static void main(String[] args) {
        String library = null;
        int exercise = 0;
        boolean force = false;
        Path root = Path.of("").toAbsolutePath();
        List<String> libraries = libraries(root);
        for (String arg : args) {
            if (arg.equals("--force")) {
                force = true;
            } else if (arg.matches("[1-9]|10")) {
                exercise = Integer.parseInt(arg);
            } else if (libraries.contains(arg.toLowerCase(Locale.ROOT))) {
                library = arg.toLowerCase(Locale.ROOT);
            } else {
                System.err.println("unknown argument: " + arg);
                System.exit(2);
            }
        }
        if (library == null || exercise == 0) {
            System.err.println("usage: ./exercise --catch-up " + String.join("|", libraries)
                    + " 1-10 [--force]");
            System.exit(2);
        }
        Plan plan;
        try {
            plan = plan(root, library, exercise);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (plan.files().isEmpty()) {
            System.out.println(
                    "Nothing to do: exercise " + exercise + " in " + library + " is already the solution's.");
            return;
        }
        if (!force) {
            List<String> dirty = uncommitted(root, plan.files().keySet());
            if (!dirty.isEmpty()) {
                System.err.println("Not done: these files have changes not committed to git, which catching up would"
                        + " overwrite:");
                dirty.forEach(line -> System.err.println("  " + line));
                System.err.println("Commit them (git add -A && git commit -m \"my work\"), or run again with --force"
                        + " to overwrite them.");
                System.exit(3);
            }
        }
        write(plan);
        plan.report().forEach(System.out::println);
        System.out.println("Run ./exercise " + library + " " + exercise + " to see it pass.");
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
        Path exercises = root.resolve("exercises/src");
        Path solutions = root.resolve("solutions/src");
        Map<Path, List<String>> files = new LinkedHashMap<>();
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
                    put.add(0, "exercise " + my.exercise());
                }
            }
            if (file.toString().endsWith(".java") && !put.isEmpty()) {
                addImports(result, theirs);
            }
            if (!result.equals(mine)) {
                files.put(target, result);
                report.add("  " + root.relativize(target) + ": " + String.join(", ", put.stream().distinct().toList()));
            }
        }
        if (!files.isEmpty()) {
            report.add(0, "Caught up: exercise " + exercise + " in " + library + " is now the solution's, in");
        }
        return new Plan(files, report);
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
        plan.files().forEach((file, lines) -> {
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
