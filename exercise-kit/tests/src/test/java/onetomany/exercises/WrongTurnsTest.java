package onetomany.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrong turns of {@code exercise-kit/wrong-turns}, which {@code scripts/check-wrong-turns.sh} puts in place one
 * by one (in CI): every exercise has at least one in every library of the registry, each is a change of
 * {@code solutions/} with one expected line, and the index (its README.md) lists each with that very line. Running
 * them is the script's job; this test keeps the set complete and the index true, in seconds.
 */
class WrongTurnsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path TURNS = ROOT.resolve("exercise-kit/wrong-turns");
    private static final Path INDEX = TURNS.resolve("README.md");
    private static final Path KIT = ROOT.resolve("docs/instructor.md");

    /**
     * Whether {@code docs/instructor.md} quotes every wrong turn's expected line (its parts around {@code …}, in
     * order). Set it to true once the instructor's kit quotes them: then a message changed here without the kit, or
     * the other way round, fails this test.
     */
    static final boolean QUOTED_BY_THE_KIT = true;

    private static final Pattern NAME = Pattern.compile("(\\d\\d)[a-z]?-[a-z0-9]+(-[a-z0-9]+)*");

    record WrongTurn(Library library, int exercise, String name, Path dir) {
    }

    @Test
    void every_exercise_has_a_wrong_turn_in_every_library_each_a_change_of_the_solutions_with_one_expected_line()
            throws IOException {
        Set<Integer> exercises = exercises();
        List<WrongTurn> turns = wrongTurns();
        List<String> missing = new ArrayList<>();
        for (Library library : Library.WORKSHOP) {
            for (int exercise : exercises) {
                if (turns.stream().noneMatch(t -> t.library().equals(library) && t.exercise() == exercise)) {
                    missing.add("exercise " + exercise + " in " + library.label());
                }
            }
        }
        assertThat(missing).as("exercises without a wrong turn in %s", TURNS).isEmpty();

        for (WrongTurn turn : turns) {
            assertThat(exercises).as("%s: the exercise of its name", turn.dir()).contains(turn.exercise());
            Path patch = turn.dir().resolve("change.patch");
            assertThat(patch).as("%s: its change of solutions/", turn.dir()).isRegularFile();
            List<String> paths = Files.readAllLines(patch, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("--- ") || line.startsWith("+++ ")).toList();
            assertThat(paths).as("%s: the files it changes", patch).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches("(--- a|\\+\\+\\+ b)/solutions/src/\\S+"));
            assertThat(expectedLines(turn)).as("%s: one line, the text the board shows", turn.dir().resolve("expected"))
                    .hasSize(1).allSatisfy(line -> assertThat(line).isNotBlank());
        }
    }

    @Test
    void the_index_lists_every_wrong_turn_with_its_expected_line() throws IOException {
        List<String> rows = Files.readAllLines(INDEX, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("| ") && line.contains("/change.patch)")).toList();
        List<WrongTurn> turns = wrongTurns();
        for (WrongTurn turn : turns) {
            String link = "(" + turn.library().key() + "/" + turn.name() + "/change.patch)";
            String expected = expectedLines(turn).get(0).replace("|", "\\|");
            assertThat(rows).as("the row of %s in %s", turn.dir(), INDEX).filteredOn(row -> row.contains(link))
                    .singleElement().satisfies(row -> assertThat(row)
                            .startsWith("| " + turn.exercise() + " | " + turn.library().label() + " | ")
                            .endsWith(" | `" + expected + "` |"));
        }
        assertThat(rows).as("rows of %s", INDEX).hasSize(turns.size());

        if (QUOTED_BY_THE_KIT) {
            String kit = flat(Files.readString(KIT, StandardCharsets.UTF_8));
            for (WrongTurn turn : turns) {
                String expected = expectedLines(turn).get(0);
                assertThat(inOrder(kit, expected)).as("%s quotes %s's board message: %s", KIT, turn.dir(), expected)
                        .isTrue();
            }
        }
    }

    /** The exercises: the numbers of the instructions files. */
    private static Set<Integer> exercises() throws IOException {
        Set<Integer> numbers = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("exercises/instructions"))) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d\\d-.*\\.md"))
                    .forEach(name -> numbers.add(Integer.parseInt(name.substring(0, 2))));
        }
        assertThat(numbers).as("the exercises").isNotEmpty();
        return numbers;
    }

    /** Every folder {@code <library key>/<NN>-<name>}; anything else in the wrong turns' folder fails. */
    private static List<WrongTurn> wrongTurns() throws IOException {
        List<WrongTurn> turns = new ArrayList<>();
        try (Stream<Path> keys = Files.list(TURNS)) {
            for (Path keyDir : keys.filter(Files::isDirectory).sorted().toList()) {
                String key = keyDir.getFileName().toString();
                assertThat(Library.WORKSHOP).as("%s: a folder named after a library's key", keyDir)
                        .extracting(Library::key).contains(key);
                try (Stream<Path> dirs = Files.list(keyDir)) {
                    for (Path dir : dirs.sorted().toList()) {
                        String name = dir.getFileName().toString();
                        Matcher m = NAME.matcher(name);
                        assertThat(m.matches()).as("%s: named <NN>-<words> or <NN><letter>-<words>", dir).isTrue();
                        assertThat(dir).isDirectory();
                        turns.add(new WrongTurn(Library.of(key), Integer.parseInt(m.group(1)), name, dir));
                    }
                }
            }
        }
        return turns;
    }

    private static List<String> expectedLines(WrongTurn turn) throws IOException {
        Path expected = turn.dir().resolve("expected");
        assertThat(expected).as("%s: the text the board shows for it", turn.dir()).isRegularFile();
        return Files.readAllLines(expected, StandardCharsets.UTF_8);
    }

    /** Spaces and line breaks as one space, as the script compares. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Whether the text holds the expected line, whose '…' stands for any text. */
    private static boolean inOrder(String text, String expected) {
        int from = 0;
        for (String part : flat(expected).split("…")) {
            int at = text.indexOf(part.strip(), from);
            if (at < 0) {
                return false;
            }
            from = at + part.strip().length();
        }
        return true;
    }
}
