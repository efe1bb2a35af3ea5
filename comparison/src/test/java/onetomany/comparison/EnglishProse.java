package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A heuristic for English left in a Russian text: a run of three or more English words in a row. A word is a
 * token between spaces made of Latin letters in lower case, or one capital and lower case, hyphens and apostrophes
 * inside ({@code steady-state}, {@code library's}) and punctuation around it allowed, so that names in capitals or
 * in camel case ({@code JOINED}, {@code ORM}, {@code MyBatis},
 * {@code DataSource}), code with dots or brackets inside ({@code onetomany.db.Database}, {@code in (...)}) and
 * numbers break a run, and a library's name beside a Russian word ({@code Hibernate ORM и Jdbi}) is not a sentence.
 */
final class EnglishProse {

    private static final Pattern WORD = Pattern.compile(
            "[\\p{Punct}“”‘’«»—–…]*[A-Za-z][a-z]*(?:[-'’][a-z]+)*[\\p{Punct}“”‘’«»—–…]*");

    private EnglishProse() {
    }

    /** Every run of {@code least} or more English words in {@code text}, line by line. */
    static List<String> runs(String text, int least) {
        List<String> runs = new ArrayList<>();
        for (String line : text.split("\n")) {
            List<String> run = new ArrayList<>();
            for (String token : (line + " \u0000").split("\\s+")) {
                if (!token.isEmpty() && WORD.matcher(token).matches()) {
                    run.add(token);
                    continue;
                }
                if (run.size() >= least) {
                    runs.add(String.join(" ", run));
                }
                run.clear();
            }
        }
        return runs;
    }
}
