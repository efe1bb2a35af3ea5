package onetomany.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import onetomany.operations.Operation;
import onetomany.operations.OwnWay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report's words ({@code texts_en.properties}, {@code texts_ru.properties}): every text in both languages with
 * the same placeholders, every operation named in both, every text used, the Russian one in the workshop's terms;
 * and the language chosen as {@code ./exercise} chooses the board's.
 */
class TextsTest {

    /** A {@link java.util.Formatter} specifier: {@code %s}, {@code %2$d}, {@code %-14s}, {@code %.1f}, {@code %n}. */
    private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)(\\d+)?(\\.\\d+)?([a-zA-Z%])");
    private static final Path SOURCES = Path.of("src/main/java/onetomany/comparison");

    @Test
    void every_text_has_both_languages_and_the_same_placeholders() {
        Map<String, String> english = Texts.ENGLISH.all();
        Map<String, String> russian = Texts.RUSSIAN.all();

        assertThat(russian.keySet()).as("the Russian texts' keys").isEqualTo(english.keySet());
        for (String key : english.keySet()) {
            assertThat(placeholders(russian.get(key))).as("the placeholders of " + key)
                    .isEqualTo(placeholders(english.get(key)));
            assertThat(russian.get(key).isEmpty()).as(key + " is empty in one language only")
                    .isEqualTo(english.get(key).isEmpty() && !key.equals("command.lang"));
        }
        // A placeholder count that differs is caught.
        assertThat(placeholders("%s: %d statements")).isNotEqualTo(placeholders("%s: запросов"));
        assertThat(placeholders("%2$s %1$d")).isEqualTo(placeholders("%d then %s"));
    }

    @Test
    void every_operation_has_a_description_in_both_languages_and_the_english_one_is_the_catalogues() {
        for (Operation operation : Operation.values()) {
            assertThat(Texts.ENGLISH.all()).containsEntry("operation." + operation.name(), operation.description());
            assertThat(Texts.RUSSIAN.all()).containsKey("operation." + operation.name());
            assertThat(Texts.RUSSIAN.operation(operation)).isNotEqualTo(operation.description());
        }
        assertThat(Texts.ENGLISH.all().keySet().stream().filter(key -> key.startsWith("operation.")))
                .hasSize(Operation.values().length);
        assertThat(Texts.ENGLISH.all().keySet().stream().filter(key -> key.startsWith("jmh."))
                .map(key -> key.substring("jmh.".length())).filter(name -> !name.equals("where")))
                .allSatisfy(name -> assertThat(Operation.valueOf(name)).isNotNull());
    }

    @Test
    void every_own_way_has_a_description_in_both_languages_and_the_english_one_is_the_catalogues() {
        for (OwnWay way : OwnWay.values()) {
            assertThat(Texts.ENGLISH.all()).containsEntry("own." + way.name(), way.description());
            assertThat(Texts.RUSSIAN.own(way)).isNotEqualTo(way.description());
        }
        assertThat(Texts.ENGLISH.all().keySet().stream().filter(key -> key.startsWith("own.")
                && key.substring("own.".length()).matches("[A-Z_]+"))).hasSize(OwnWay.values().length);
    }

    @Test
    void every_count_has_its_three_forms_and_russian_chooses_them_by_the_number() {
        List<String> counts = Texts.ENGLISH.all().keySet().stream().filter(key -> key.matches(".*\\.(one|few|many)"))
                .map(key -> key.substring(0, key.lastIndexOf('.'))).distinct().toList();
        assertThat(counts).containsExactlyInAnyOrder("count.statements", "count.statementsLong", "count.rows",
                "count.objects", "count.calls", "sql.sent", "sql.parameters");
        for (String count : counts) {
            assertThat(Texts.ENGLISH.all()).containsKeys(count + ".one", count + ".few", count + ".many");
        }
        assertThat(Stream.of(1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 112, 114, 201)
                .map(n -> Texts.RUSSIAN.count("count.statements", n)).toList()).containsExactly(
                "1 запрос", "2 запроса", "5 запросов", "11 запросов", "12 запросов", "21 запрос", "22 запроса",
                "25 запросов", "101 запрос", "111 запросов", "112 запросов", "114 запросов", "201 запрос");
        assertThat(Stream.of(1, 3, 40).map(n -> Texts.RUSSIAN.count("count.objects", n)).toList()).containsExactly(
                "1 объект", "3 объекта", "40 объектов");
        assertThat(Texts.RUSSIAN.count("sql.parameters", 500)).isEqualTo("500 параметров");
        assertThat(Texts.ENGLISH.count("count.statements", 1)).isEqualTo("1 stmt");
        assertThat(Texts.ENGLISH.count("count.statements", 21)).isEqualTo("21 stmts");
    }

    @Test
    void every_text_is_used_by_the_report() throws IOException {
        String sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(TextsTest::read)
                    .collect(Collectors.joining("\n"));
        }
        for (String key : Texts.ENGLISH.all().keySet()) {
            String prefix = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key;
            assertThat(sources.contains('"' + key + '"') || sources.contains('"' + prefix + '"')
                    || sources.contains('"' + prefix + ".\"")).as(key + " is used").isTrue();
        }
    }

    @Test
    void the_titles_name_every_library_of_the_registry() {
        List<String> names = onetomany.libraries.Library.ALL.stream().map(onetomany.libraries.Library::name).toList();
        String last = names.get(names.size() - 1);

        assertThat(Texts.ENGLISH.libraries()).startsWith(names.get(0)).endsWith(" and " + last);
        assertThat(Texts.RUSSIAN.libraries()).startsWith(names.get(0)).endsWith(" и " + last);
        assertThat(names).allSatisfy(name -> assertThat(Texts.ENGLISH.format("title", Texts.ENGLISH.libraries()))
                .contains(name));
        assertThat(Texts.ENGLISH.libraries().split(", | and ")).hasSize(names.size());
    }

    @Test
    void the_language_is_the_property_then_the_locale_as_for_the_board() {
        UnaryOperator<String> none = name -> null;
        Locale english = Locale.ENGLISH;

        assertThat(Texts.language(Map.of("lang", "ru")::get, none, english)).isEqualTo("ru");
        assertThat(Texts.language(Map.of("exercises.lang", "ru")::get, none, english)).isEqualTo("ru");
        assertThat(Texts.language(Map.of("lang", "en", "exercises.lang", "ru")::get, none, english))
                .isEqualTo("en");
        assertThat(Texts.language(Map.of("lang", "EN")::get, Map.of("LANG", "ru_RU.UTF-8")::get,
                new Locale("ru"))).isEqualTo("en");
        assertThat(Texts.language(none, Map.of("LANG", "ru_RU.UTF-8")::get, english)).isEqualTo("ru");
        assertThat(Texts.language(none, Map.of("LC_MESSAGES", "ru_RU.UTF-8", "LANG", "en_US.UTF-8")::get,
                english)).isEqualTo("ru");
        // As the shell's ${LC_ALL:-${LC_MESSAGES:-${LANG}}}: the first one set and not empty decides.
        assertThat(Texts.language(none, Map.of("LC_ALL", "C.UTF-8", "LANG", "ru_RU.UTF-8")::get, english))
                .isEqualTo("en");
        assertThat(Texts.language(none, Map.of("LC_ALL", "", "LANG", "ru_RU.UTF-8")::get, english))
                .isEqualTo("ru");
        assertThat(Texts.language(none, none, new Locale("ru", "RU"))).isEqualTo("ru");
        assertThat(Texts.language(none, none, english)).isEqualTo("en");
        assertThatThrownBy(() -> Texts.language(Map.of("lang", "de")::get, none, english))
                .hasMessage("-Dlang: en or ru, not 'de'");
        assertThat(Texts.of("ru").language()).isEqualTo("ru");
    }

    /** A text's placeholders by argument: {@code 1 s}, {@code 2 .1f}; {@code %n} and {@code %%} are not ones. */
    private static List<String> placeholders(String text) {
        Matcher matcher = SPECIFIER.matcher(text);
        Map<Integer, String> byArgument = new TreeMap<>();
        int next = 1;
        while (matcher.find()) {
            String conversion = matcher.group(5);
            if (conversion.equals("n") || conversion.equals("%")) {
                continue;
            }
            int argument = matcher.group(1) != null
                    ? Integer.parseInt(matcher.group(1).substring(0, matcher.group(1).length() - 1)) : next++;
            byArgument.put(argument, (matcher.group(4) == null ? "" : matcher.group(4)) + conversion);
        }
        return byArgument.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
