package onetomany.exercises.board;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AssertJ's own words in a failure's message, in Russian. AssertJ writes its sentences on lines of their own, at the
 * start of the line ("Expecting actual:", "to contain exactly (and in same order):", "expected: 2"), and the values
 * it compares indented under them: the sentences are put in Russian, the values (raw data) stay as they are. The
 * description that a test gives with {@code .as(...)} (the first line, in brackets) is the test's, already in the
 * board's language. A sentence not in this table stays in English; {@code RussianBoardTest} runs real failures of
 * every exercise through the board to find such a sentence. The English pattern and its Russian side by side.
 */
final class AssertjWords {

    private record Rule(Pattern english, String russian) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String english, String russian) {
        RULES.add(new Rule(Pattern.compile(english), russian));
    }

    static {
        rule("^Expecting actual:$", "Проверяемое значение:");
        rule("^Expecting (\\w+):$", "Проверяемое значение ($1):");
        rule("^to contain exactly \\(and in same order\\):$", "должно содержать ровно эти элементы в этом порядке:");
        rule("^but some elements were not expected:$", "но в нём есть лишние элементы:");
        rule("^but could not find the following elements?(\\(s\\))?:$", "но в нём нет этих элементов:");
        rule("^to contain all of:$", "должно содержать все из:");
        rule("^but some elements were not found:$", "но в нём нет этих элементов:");
        rule("^and others were not expected:$", "и есть лишние:");
        rule("^but there were differences at these indexes:$", "но элементы различаются на этих позициях:");
        rule("^(\\s*)- element at index (\\d+): expected (.*) but was (.*)$",
                "$1- позиция $2: ожидалось $3, получено $4");
        rule("^but the order was different at index (\\d+)$", "но порядок другой, начиная с позиции $1");
        rule("^expected: (.*)$", "ожидалось: $1");
        rule("^ but was: (.*)$", " получено: $1");
        rule("^Expecting empty but was: (.*)$", "Ожидалось пусто, получено: $1");
        rule("^Expecting actual to be empty$", "Ожидалось пусто");
        rule("^Expected size: (\\d+) but was: (\\d+) in:$", "Ожидаемый размер: $1, получен: $2, в:");
        rule("^Expecting value to be true but was false$", "Ожидалось true, получено false");
        rule("^Expecting value to be false but was true$", "Ожидалось false, получено true");
        rule("^Expecting an empty Optional but was containing value: (.*)$",
                "Ожидался пустой Optional, получен Optional со значением: $1");
        rule("^Expecting Optional to contain:$", "Optional должен содержать:");
        rule("^Expecting Optional to contain a value but (it )?was empty\\.?$",
                "Optional должен содержать значение, а он пуст");
        rule("^but was empty\\.?$", "но он пуст");
        rule("^Expecting actual not to be null$", "Значение не должно быть null");
        rule("^Expecting actual to be null$", "Значение должно быть null");
        rule("^and:$", "и:");
        rule("^to refer to the same object$", "должны быть одним и тем же объектом");
        rule("^to start with:$", "должно начинаться с:");
        rule("^to end with:$", "должно заканчиваться на:");
        rule("^to be greater than:$", "должно быть больше, чем:");
        rule("^to be less than:$", "должно быть меньше, чем:");
        rule("^to be less than or equal to:$", "должно быть не больше, чем:");
        rule("^to be greater than or equal to:$", "должно быть не меньше, чем:");
        rule("^to contain only:$", "должно содержать только:");
        rule("^element\\(s\\) not found:$", "не найдены:");
        rule("^and element\\(s\\) not expected:$", "и лишние:");
        rule("^to contain:$", "должно содержать:");
        rule("^not to contain:$", "не должно содержать:");
        rule("^but could not find:$", "но в нём нет:");
        rule("^but found:$", "но в нём есть:");
        rule("^Expecting no elements of:$", "Ни один элемент из:");
        rule("^to satisfy the given assertions requirements but these elements did:$",
                "не должен проходить проверку, а эти элементы её прошли:");
        rule("^Expecting any element of:$", "Хотя бы один элемент из:");
        rule("^to satisfy the given assertions requirements but none did:$",
                "должен проходить проверку, а ни один не прошёл:");
        rule("^Expecting all elements of:$", "Каждый элемент из:");
        rule("^to satisfy given requirements, but these elements did not:$",
                "должен проходить проверку, а эти элементы её не прошли:");
        rule("^to contain only null elements but some elements were not:$",
                "должно содержать только null, а в нём есть и другие:");
        rule("^error: (.*)$", "ошибка: $1");
        rule("^Expecting actual to be a singleton but was:$", "Ожидался ровно один элемент, получено:");
        rule("^Multiple Failures \\((\\d+) failures?\\)$", "Несколько ошибок ($1)");
    }

    /** Lines of a stack trace that AssertJ appends to a nested error, and its note on the frames it left out. */
    private static final Pattern NOISE =
            Pattern.compile("^\\s+at \\S+\\(.*\\)$|^\\s*\\.\\.\\.\\(\\d+ remaining lines.*$");

    private AssertjWords() {
    }

    static String russian(String message) {
        List<String> out = new ArrayList<>();
        for (String line : message.split("\n", -1)) {
            if (NOISE.matcher(line).find()) {
                continue;
            }
            out.add(translate(line));
        }
        return String.join("\n", out);
    }

    private static String translate(String line) {
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(line);
            if (m.find()) {
                return m.replaceFirst(rule.russian().replace("\\", "\\\\").replace("$$", "\\$"));
            }
        }
        return line;
    }
}
