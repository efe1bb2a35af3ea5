package onetomany.exercises.catchup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catch-up's regions and what it writes, on a copy of {@code exercises/src} and {@code solutions/src}. That the
 * caught-up cell turns ✔ on the board, and the others stay ✘, is run end to end in a clone of the repository by
 * {@code scripts/check-catch-up.sh} (it needs a Maven build of its own).
 */
class CatchUpTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @ParameterizedTest
    @MethodSource("libraries")
    void every_file_has_the_same_regions_in_the_stubs_and_in_the_solutions_and_each_exercise_has_some(String library)
            throws IOException {
        Path exercises = ROOT.resolve("exercises/src");
        Path solutions = ROOT.resolve("solutions/src");
        java.util.Set<Integer> exercisesWithRegions = new java.util.TreeSet<>();
        for (Path file : CatchUp.libraryFiles(solutions, library)) {
            List<CatchUp.Region> mine = CatchUp.regions(read(exercises.resolve(file)), file);
            List<CatchUp.Region> theirs = CatchUp.regions(read(solutions.resolve(file)), file);
            assertThat(mine.stream().map(CatchUp.Region::exercise).toList()).as("regions of %s", file)
                    .containsExactlyElementsOf(theirs.stream().map(CatchUp.Region::exercise).toList());
            mine.forEach(r -> exercisesWithRegions.add(r.exercise()));
        }
        assertThat(exercisesWithRegions).as("exercises with code to catch up in %s", library)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void catching_up_jdbi_1_changes_only_jdbi_files_and_only_their_exercise_1_regions(@TempDir Path copy)
            throws IOException {
        copyTree(ROOT.resolve("exercises/src"), copy.resolve("exercises/src"));
        copyTree(ROOT.resolve("solutions/src"), copy.resolve("solutions/src"));

        CatchUp.Plan plan = CatchUp.plan(copy, "jdbi", 1);
        CatchUp.write(plan);

        assertThat(plan.files().keySet()).isNotEmpty()
                .allSatisfy(file -> assertThat(file.toString()).contains("/jdbi/"));
        assertRegions(copy, (library, exercise) -> library.equals("jdbi") && exercise == 1);
        for (String library : libraries().stream().filter(key -> !key.equals("jdbi")).toList()) {
            for (Path file : CatchUp.libraryFiles(copy.resolve("solutions/src"), library)) {
                assertThat(read(copy.resolve("exercises/src").resolve(file))).as("%s, untouched", file)
                        .containsExactlyElementsOf(read(ROOT.resolve("exercises/src").resolve(file)));
            }
        }
        // Catching up again changes nothing.
        assertThat(CatchUp.plan(copy, "jdbi", 1).files()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("libraries")
    void catching_up_10_from_the_stubs_puts_exercise_10_and_only_the_exercises_it_builds_on(String library,
            @TempDir Path copy) throws IOException {
        copyTree(ROOT.resolve("exercises/src"), copy.resolve("exercises/src"));
        copyTree(ROOT.resolve("solutions/src"), copy.resolve("solutions/src"));

        CatchUp.write(CatchUp.plan(copy, library, 10));

        List<Integer> needed = List.of(1, 4, 9, 10);
        assertRegions(copy, (other, exercise) -> other.equals(library) && needed.contains(exercise));
    }

    /**
     * Every region of every library's files in the copy, after a catch-up: the solution's where {@code caughtUp}
     * (library, exercise) says so, else what the stubs had.
     */
    private static void assertRegions(Path copy, BiPredicate<String, Integer> caughtUp) throws IOException {
        for (String library : libraries()) {
            for (Path file : CatchUp.libraryFiles(copy.resolve("solutions/src"), library)) {
                List<String> before = read(ROOT.resolve("exercises/src").resolve(file));
                List<String> after = read(copy.resolve("exercises/src").resolve(file));
                List<String> solution = read(copy.resolve("solutions/src").resolve(file));
                List<CatchUp.Region> regions = CatchUp.regions(after, file);
                List<CatchUp.Region> oldRegions = CatchUp.regions(before, file);
                List<CatchUp.Region> solutionRegions = CatchUp.regions(solution, file);
                for (int i = 0; i < regions.size(); i++) {
                    int exercise = regions.get(i).exercise();
                    List<String> expected = caughtUp.test(library, exercise)
                            ? solution.subList(solutionRegions.get(i).from(), solutionRegions.get(i).to())
                            : before.subList(oldRegions.get(i).from(), oldRegions.get(i).to());
                    assertThat(after.subList(regions.get(i).from(), regions.get(i).to()))
                            .as("%s, region %d (exercise %d)", file, i, exercise).containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Test
    void a_region_the_participant_wrote_is_kept_when_a_later_exercise_is_caught_up(@TempDir Path copy)
            throws IOException {
        copyTree(ROOT.resolve("exercises/src"), copy.resolve("exercises/src"));
        copyTree(ROOT.resolve("solutions/src"), copy.resolve("solutions/src"));
        Path rowMappers = copy.resolve("exercises/src/main/java/onetomany/exercises/jdbi/ExerciseRowMappers.java");
        String mine = Files.readString(rowMappers).replace(
                "throw Exercise.MAP_COMMENTS.notSolved();", "return new CommentEntity(rs.getLong(1), \"mine\");")
                .replace("// TODO exercise 1: a comment from the columns c_id, c_body (01-map-comments.md)", "");
        Files.writeString(rowMappers, mine);

        CatchUp.write(CatchUp.plan(copy, "jdbi", 2));

        assertThat(Files.readString(rowMappers)).as("the participant's exercise 1").isEqualTo(mine);
        String exercises = Files.readString(
                copy.resolve("exercises/src/main/java/onetomany/exercises/jdbi/JdbiExercises.java"));
        assertThat(exercises).as("exercise 1's untouched stubs, which exercise 2 needs, and exercise 2")
                .contains("foldPostRow(Map<Long, PostEntity> posts", "bindList(\"postIds\"")
                .doesNotContain("TODO exercise 1:", "TODO exercise 2:").contains("TODO exercise 3:");
    }

    // ---- It compiles what it put in place, or puts everything back -------------------------------------------------

    /**
     * A participant who left exercise 1 a stub and wrote exercise 2 in Jdbi with a helper and a query of his own,
     * named as exercise 1's in the solution ({@code foldPostRow}, {@code POSTS_LEFT_JOIN_COMMENTS}), outside every
     * region: what was seen in a room, where {@code ./exercise --catch-up jdbi 3} then said it was done.
     */
    private static Path participantWithHisOwnFoldPostRow(Path copy) throws IOException {
        copyTree(ROOT.resolve("exercises/src"), copy.resolve("exercises/src"));
        copyTree(ROOT.resolve("solutions/src"), copy.resolve("solutions/src"));
        copyRegistry(copy);
        Path jdbi = copy.resolve("exercises/src/main/java/onetomany/exercises/jdbi/JdbiExercises.java");
        CatchUp.write(CatchUp.plan(copy, "jdbi", 2));
        // Exercise 2 is his, exercise 1 is a stub again: the regions of exercise 1 back as the stubs have them.
        List<String> stub = read(ROOT.resolve("exercises/src/main/java/onetomany/exercises/jdbi/JdbiExercises.java"));
        List<String> now = new java.util.ArrayList<>(read(jdbi));
        List<CatchUp.Region> stubRegions = CatchUp.regions(stub, jdbi);
        List<CatchUp.Region> nowRegions = CatchUp.regions(now, jdbi);
        for (int i = nowRegions.size() - 1; i >= 0; i--) {
            if (nowRegions.get(i).exercise() == 1) {
                now.subList(nowRegions.get(i).from(), nowRegions.get(i).to()).clear();
                now.addAll(nowRegions.get(i).from(),
                        stub.subList(stubRegions.get(i).from(), stubRegions.get(i).to()));
            }
        }
        int threeLevels = now.indexOf(now.stream().filter(l -> l.contains("// 3. Three levels")).findFirst()
                .orElseThrow());
        now.addAll(threeLevels, List.of(
                "    private static void foldPostRow(Map<Long, PostEntity> posts, RowView row) {",
                "        PostEntity post = posts.computeIfAbsent(row.getColumn(\"p_id\", Long.class),",
                "                id -> row.getRow(PostEntity.class));",
                "        if (row.getColumn(\"c_id\", Long.class) != null) {",
                "            post.addComment(row.getRow(CommentEntity.class));",
                "        }",
                "    }",
                ""));
        int field = now.indexOf("    private final Jdbi jdbi;") + 1;
        now.addAll(field, List.of(
                "    private static final String POSTS_LEFT_JOIN_COMMENTS = \"\"\"",
                "            select p.id p_id, p.title p_title, p.content p_content, c.id c_id, c.body c_body",
                "            from posts p left join comments c on c.post_id = p.id",
                "            \"\"\";"));
        Files.writeString(jdbi, String.join("\n", now), StandardCharsets.UTF_8);
        assertThat(javac(copy.resolve("classes-before")).errors(copy)).as("his code, before the catch-up").isEmpty();
        return jdbi;
    }

    @Test
    void the_solutions_helper_beside_the_participants_own_of_the_same_name_does_not_compile(@TempDir Path copy)
            throws IOException {
        participantWithHisOwnFoldPostRow(copy);

        CatchUp.write(CatchUp.plan(copy, "jdbi", 3));

        assertThat(javac(copy.resolve("classes")).errors(copy)).as("the code with exercise 1's regions put in place")
                .hasValueSatisfying(errors -> assertThat(errors).contains("foldPostRow"));
    }

    @Test
    void a_catch_up_that_does_not_compile_puts_every_file_back_and_says_why_in_the_boards_language(
            @TempDir Path copy) throws IOException {
        Path jdbi = participantWithHisOwnFoldPostRow(copy);
        String before = Files.readString(jdbi);
        Map<Path, String> everyFile = contents(copy.resolve("exercises/src"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = CatchUp.run(copy, List.of("jdbi", "3", "--force", "--lang", "ru"), javac(copy.resolve("c")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as("the exit status of a catch-up rolled back").isEqualTo(CatchUp.ROLLED_BACK).isEqualTo(4);
        assertThat(Files.readString(jdbi)).as("his JdbiExercises.java").isEqualTo(before);
        assertThat(contents(copy.resolve("exercises/src"))).as("every file of exercises/src").isEqualTo(everyFile);
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).contains(CatchUp.say(true, "rolledBack", 3, "jdbi")).contains("foldPostRow")
                .doesNotContain("Caught up", "Готово");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("./exercise jdbi 3");
    }

    @Test
    void a_catch_up_that_compiles_is_kept_and_says_so_in_the_boards_language(@TempDir Path copy) throws IOException {
        copyTree(ROOT.resolve("exercises/src"), copy.resolve("exercises/src"));
        copyTree(ROOT.resolve("solutions/src"), copy.resolve("solutions/src"));
        copyRegistry(copy);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = CatchUp.run(copy, List.of("--lang", "ru", "jdbi", "3", "--force"), javac(copy.resolve("c")),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isEqualTo(CatchUp.DONE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(CatchUp.say(true, "caughtUp", 3, "jdbi"))
                .contains(CatchUp.say(true, "run", "jdbi", 3));
        assertThat(Files.readString(
                copy.resolve("exercises/src/main/java/onetomany/exercises/jdbi/JdbiExercises.java")))
                .doesNotContain("TODO exercise 1:", "TODO exercise 3:");
    }

    @Test
    void its_exit_statuses_are_those_the_exercise_command_documents(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(CatchUp.run(copy, List.of("jdbi"), root -> Optional.empty(), quiet, quiet))
                .isEqualTo(CatchUp.BAD_ARGUMENTS);
        assertThat(CatchUp.run(copy, List.of("nosuchlibrary", "1"), root -> Optional.empty(), quiet, quiet))
                .isEqualTo(CatchUp.BAD_ARGUMENTS);
        String header = Files.readString(ROOT.resolve("exercise"), StandardCharsets.UTF_8);
        String windows = Files.readString(ROOT.resolve("exercise.cmd"), StandardCharsets.UTF_8);
        for (String documented : List.of(header, windows)) {
            assertThat(documented).as("the exit statuses of --catch-up, documented")
                    .contains("--catch-up: 0 done, 2 bad arguments, 3 refused (changes not committed), 4 rolled back"
                            + " (the code did not compile with the solution in place)");
        }
    }

    @Test
    void what_it_says_exists_in_both_languages_with_the_same_placeholders() {
        CatchUp.TEXTS.forEach((key, texts) -> {
            assertThat(texts).as(key).hasSize(2);
            assertThat(texts.get(1)).as("%s in Russian", key).isNotEqualTo(texts.get(0))
                    .containsPattern("\\p{IsCyrillic}");
            assertThat(texts.get(1).replaceAll("[^%]*(%[a-z])?", "$1")).as("placeholders of %s", key)
                    .isEqualTo(texts.get(0).replaceAll("[^%]*(%[a-z])?", "$1"));
        });
    }

    /** javac on exercises/src/main/java, against the test's class path (the libraries, the contract). */
    static CatchUp.Compiler javac(Path classes) {
        return root -> {
            try (Stream<Path> walk = Files.walk(root.resolve("exercises/src/main/java"))) {
                Files.createDirectories(classes);
                List<Path> sources = walk.filter(f -> f.toString().endsWith(".java")).toList();
                JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
                StringWriter errors = new StringWriter();
                try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null,
                        StandardCharsets.UTF_8)) {
                    boolean ok = compiler.getTask(errors, files, null, List.of("-proc:none", "-d", classes.toString(),
                                    "-cp", System.getProperty("java.class.path")), null,
                            files.getJavaFileObjectsFromPaths(sources)).call();
                    return ok ? Optional.empty() : Optional.of(errors.toString());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static void copyRegistry(Path copy) throws IOException {
        Path registry = copy.resolve(CatchUp.LIBRARIES);
        Files.createDirectories(registry.getParent());
        Files.copy(ROOT.resolve(CatchUp.LIBRARIES), registry);
    }

    private static Map<Path, String> contents(Path tree) throws IOException {
        Map<Path, String> contents = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                contents.put(tree.relativize(file), Files.readString(file));
            }
        }
        return contents;
    }

    private static List<String> read(Path file) throws IOException {
        return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void the_catch_up_reads_the_libraries_of_the_registry_as_the_test_kit_does() {
        assertThat(CatchUp.libraries(ROOT)).containsExactlyElementsOf(libraries());
    }

    /** The registry's libraries, as the test kit reads them. */
    static List<String> libraries() {
        return Library.WORKSHOP.stream().map(Library::key).toList();
    }
}
