package onetomany.exercises.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the tiered hints of an exercise. The instructions file holds the first two tiers: under
 * {@code ### <Library>}, the items {@code 1. **Nudge.** ...} and {@code 2. **Approach.** ...} (one line each, the bold
 * label in the file's language). The answer, the third tier, lives in a file of its own, {@code answers/<same name>},
 * under the same {@code ### <Library>} heading, so that reading the instructions in a terminal does not show it. The
 * same layout in English and in Russian.
 *
 * <p>Also the command {@code ./exercise jdbi 1 --hint} (and {@code exercise.cmd jdbi 1 --hint}), as a single-file
 * program that the JDK runs from source, from the repository's root:
 * {@code java exercise-kit/tests/src/test/java/onetomany/exercises/board/Hints.java jdbi 1 [--lang ru]}. Each call
 * shows the next tier (1 nudge, 2 approach, 3 answer, then the answer again), and remembers which one it showed in
 * {@code exercise-kit/tests/target/exercise-hints/} ({@code ./mvnw clean} forgets it).
 */
public final class Hints {

    private static final Pattern LABEL = Pattern.compile("^\\d\\. \\*\\*[^*]+\\*\\* ?");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} ");

    /** The registry of libraries (key | name | label | ... | exercises), as the test kit and the scripts read it. */
    static final String LIBRARIES = "test-harness/src/main/resources/onetomany/libraries/libraries.txt";
    static final String STATE = "exercise-kit/tests/target/exercise-hints";

    private Hints() {
    }

    /** {@code <library key> <exercise> [--lang en|ru]}: prints the next tier of that hint; exit 2 on bad arguments. */
    public static void main(String[] args) throws IOException {
        String key = null;
        int exercise = 0;
        boolean russian = Locale.getDefault().getLanguage().equals("ru");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                russian = args[++i].toLowerCase(Locale.ROOT).startsWith("ru");
            } else if (args[i].matches("[1-9]|10")) {
                exercise = Integer.parseInt(args[i]);
            } else {
                key = args[i].toLowerCase(Locale.ROOT);
            }
        }
        Path root = Path.of("");
        String label = null;
        for (String line : Files.readAllLines(root.resolve(LIBRARIES), StandardCharsets.UTF_8)) {
            String[] cols = line.split("\\|");
            // A library whose exercises column is '-' is not taught by the workshop: it has no hints.
            if (!line.strip().startsWith("#") && cols.length > 6 && cols[0].strip().equals(key)
                    && !cols[6].strip().equals("-")) {
                label = cols[2].strip();
            }
        }
        if (label == null || exercise == 0) {
            System.err.println(russian ? "--hint: нужны библиотека и упражнение, например ./exercise jpa 3 --hint"
                    : "--hint needs a library and an exercise: ./exercise jpa 3 --hint");
            System.exit(2);
        }
        Path folder = root.resolve(russian ? "exercises/instructions/ru" : "exercises/instructions");
        String prefix = String.format("%02d-", exercise);
        Path file;
        try (Stream<Path> files = Files.list(folder)) {
            file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
        Path state = root.resolve(STATE).resolve(key + "-" + exercise);
        Files.createDirectories(state.getParent());
        int shown = Files.isRegularFile(state) ? Integer.parseInt(Files.readString(state).strip()) : 0;
        int tier = Math.min(shown + 1, 3);
        Files.writeString(state, tier + "\n");
        Path answers = file.resolveSibling("answers").resolve(file.getFileName());
        String hint = tier(read(file), read(answers), label, tier).orElse("");
        Path shownFile = tier < 3 ? file : answers;
        String[] names = russian ? new String[] {"намёк", "подход", "ответ"}
                : new String[] {"the nudge", "the approach", "the answer"};
        System.out.println(hint);
        System.out.println();
        String where = shownFile.toString().replace('\\', '/');
        System.out.println(russian ? "(подсказка " + tier + " из 3, " + names[tier - 1] + "; " + where + ")"
                : "(hint " + tier + " of 3, " + names[tier - 1] + "; " + where + ")");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tier 1 (nudge) or 2 (approach) from the instructions' lines, tier 3 (answer) from the answers' lines. */
    static Optional<String> tier(List<String> instructions, List<String> answers, String library, int tier) {
        return tier < 3 ? item(instructions, library, tier) : answer(answers, library);
    }

    private static Optional<String> item(List<String> lines, String library, int tier) {
        int start = lines.indexOf("### " + library);
        for (int i = start + 1; start >= 0 && i < lines.size() && !HEADING.matcher(lines.get(i)).find(); i++) {
            if (lines.get(i).startsWith(tier + ". ")) {
                return Optional.of(LABEL.matcher(lines.get(i)).replaceFirst(""));
            }
        }
        return Optional.empty();
    }

    /** The section under {@code ### <library>}, up to the next heading outside a fenced code block. */
    private static Optional<String> answer(List<String> lines, String library) {
        int start = lines.indexOf("### " + library);
        if (start < 0) {
            return Optional.empty();
        }
        List<String> answer = new ArrayList<>();
        boolean inFence = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && HEADING.matcher(line).find()) {
                break;
            }
            answer.add(line);
        }
        String text = String.join("\n", answer).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
