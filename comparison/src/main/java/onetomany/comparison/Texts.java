package onetomany.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import onetomany.operations.OwnWay;

/**
 * Every word the report prints, in one language: read from {@code texts_en.properties} or
 * {@code texts_ru.properties} beside this class, one file per language with the same keys and the same
 * placeholders ({@code TextsTest} checks both). Values are {@link String#format} patterns, formatted with
 * {@link Locale#ROOT} so that numbers read the same in both languages.
 *
 * <p>A count with its noun has three keys, {@code KEY.one}, {@code KEY.few} and {@code KEY.many} (Russian's three
 * plural forms; English uses {@code one} and {@code many}), chosen by {@link #count}. An operation's description is
 * {@code operation.NAME}, by the name of its {@link Operation} constant.
 *
 * <p>The language of the command's report is {@link #chosen()}: the system property {@code lang} (or
 * {@code exercises.lang}, the progress board's), else the locale of the environment, as {@code ./exercise}
 * chooses the board's.
 */
final class Texts {

    /** The system properties that choose the language, in order. */
    static final List<String> PROPERTIES = List.of("lang", "exercises.lang");
    /** The environment variables that name the locale, in the order the C library reads them. */
    static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    static final Texts ENGLISH = load("en");
    static final Texts RUSSIAN = load("ru");

    private final String language;
    private final Map<String, String> texts;

    private Texts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The report's language for this command: {@code -Dlang}, {@code -Dexercises.lang}, or the locale. */
    static Texts chosen() {
        return of(language(System::getProperty, System::getenv, Locale.getDefault()));
    }

    static Texts of(String language) {
        return switch (language) {
            case "en" -> ENGLISH;
            case "ru" -> RUSSIAN;
            default -> throw new IllegalArgumentException("no texts in " + language);
        };
    }

    /**
     * {@code en} or {@code ru}: the first of {@link #PROPERTIES} that is set ({@code en} or {@code ru}, anything
     * else refused); else the first of {@link #LOCALE_VARIABLES} that is not empty (Russian when it starts with
     * {@code ru}); else the JVM's default locale.
     */
    static String language(UnaryOperator<String> properties, UnaryOperator<String> environment, Locale locale) {
        for (String property : PROPERTIES) {
            String value = properties.apply(property);
            if (value != null && !value.isBlank()) {
                String lang = value.strip().toLowerCase(Locale.ROOT);
                if (lang.startsWith("ru")) {
                    return "ru";
                }
                if (lang.startsWith("en")) {
                    return "en";
                }
                throw new IllegalArgumentException("-D%s: en or ru, not '%s'".formatted(property, value));
            }
        }
        for (String variable : LOCALE_VARIABLES) {
            String value = environment.apply(variable);
            if (value != null && !value.isEmpty()) {
                return value.toLowerCase(Locale.ROOT).startsWith("ru") ? "ru" : "en";
            }
        }
        return locale.getLanguage().equals("ru") ? "ru" : "en";
    }

    /** {@code en} or {@code ru}, as the page's {@code lang} attribute says it. */
    String language() {
        return language;
    }

    /** The text of {@code key}, as it is (a pattern when it has placeholders). */
    String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text '%s' in %s".formatted(key, language));
        }
        return text;
    }

    /** The text of {@code key} with its placeholders filled in. */
    String format(String key, Object... arguments) {
        return String.format(Locale.ROOT, text(key), arguments);
    }

    /**
     * A count with its noun in the right form: {@code 1 stmt}, {@code 4 stmts}; {@code 1 запрос}, {@code 3 запроса}.
     */
    String count(String key, long count) {
        return format(key + "." + pluralForm(count), count);
    }

    /** The plural form of a count in this language: {@code one}, {@code few} or {@code many}. */
    String pluralForm(long count) {
        long n = Math.abs(count);
        if (language.equals("ru")) {
            long tens = n % 100;
            long units = n % 10;
            return units == 1 && tens != 11 ? "one" : units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? "few"
                    : "many";
        }
        return n == 1 ? "one" : "many";
    }

    /**
     * What an operation does, in words: {@code operation.NAME}, or, for an operation these texts do not know yet,
     * its own English description.
     */
    String operation(Operation operation) {
        return Optional.ofNullable(texts.get("operation." + operation.name())).orElse(operation.description());
    }

    /**
     * What a library's own way does, in words: {@code own.NAME}, or, for one these texts do not know yet, its own
     * English description.
     */
    String own(OwnWay way) {
        return Optional.ofNullable(texts.get("own." + way.name())).orElse(way.description());
    }

    /** The libraries of the registry as one list: {@code Hibernate ORM, MyBatis and Jdbi}. */
    String libraries() {
        List<String> names = Library.ALL.stream().map(Library::name).toList();
        return names.size() < 2 ? String.join("", names) : String.join(", ", names.subList(0, names.size() - 1))
                + text("list.and") + names.get(names.size() - 1);
    }

    /** Every key and text, in key order (for the tests). */
    Map<String, String> all() {
        return texts;
    }

    /** The resource of one language's texts. */
    static String resource(String language) {
        return "texts_" + language + ".properties";
    }

    private static Texts load(String language) {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(resource(language))) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource(language));
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return new Texts(language, Collections.unmodifiableMap(texts));
    }
}
