package onetomany.exercises.catchup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

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
        return Library.ALL.stream().map(Library::key).toList();
    }
}
