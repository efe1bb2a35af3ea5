package onetomany.exercises.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the tiered hints of an exercise. The instructions file holds the first two tiers: under
 * {@code ### <Library>}, the items {@code 1. **Nudge.** ...} and {@code 2. **Approach.** ...} (one line each, the bold
 * label in the file's language). The answer, the third tier, lives in a file of its own, {@code answers/<same name>},
 * under the same {@code ### <Library>} heading, so that reading the instructions in a terminal does not show it. The
 * same layout in English and in Russian.
 */
final class Hints {

    private static final Pattern LABEL = Pattern.compile("^\\d\\. \\*\\*[^*]+\\*\\* ?");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} ");

    private Hints() {
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
