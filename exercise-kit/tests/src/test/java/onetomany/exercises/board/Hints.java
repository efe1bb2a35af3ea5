package onetomany.exercises.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the tiered hints of an instructions file: under {@code ### <Library>}, the items {@code 1. **Nudge.** ...}
 * and {@code 2. **Approach.** ...} (one line each, the bold label in the file's language), then the answer between
 * {@code <details><summary>...</summary>} and {@code </details>}. The same layout in English and in Russian.
 */
final class Hints {

    private static final Pattern LABEL = Pattern.compile("^\\d\\. \\*\\*[^*]+\\*\\* ?");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} ");

    private Hints() {
    }

    static Optional<String> tier(List<String> lines, String library, int tier) {
        int start = lines.indexOf("### " + library);
        if (start < 0) {
            return Optional.empty();
        }
        List<String> answer = new ArrayList<>();
        boolean inAnswer = false;
        for (int i = start + 1; i < lines.size() && !HEADING.matcher(lines.get(i)).find(); i++) {
            String line = lines.get(i);
            if (tier < 3 && line.startsWith(tier + ". ")) {
                return Optional.of(LABEL.matcher(line).replaceFirst(""));
            }
            if (tier == 3 && line.startsWith("<details>")) {
                inAnswer = true;
            } else if (tier == 3 && line.startsWith("</details>")) {
                return Optional.of(String.join("\n", answer).strip());
            } else if (inAnswer) {
                answer.add(line);
            }
        }
        return Optional.empty();
    }
}
