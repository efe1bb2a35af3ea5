package onetomany.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the exercise tests say, in English and in Russian: each check's name and each explanation of a failure,
 * read from {@code checks.properties} beside this class, where every key has its two texts on adjacent lines,
 * {@code <key>.en} and {@code <key>.ru} ({@code ChecksTextsTest} keeps them in step). A check's name is the key
 * {@code ex<n>.<test method>}; an explanation's key is {@code ex<n>.<word>} (or {@code common.<word>}). The texts are
 * {@link String#format} patterns: {@code %s}, {@code %d}, in the same order in both languages.
 *
 * <p>The language is the board's: {@code -Dexercises.lang=ru}, or the JVM's locale when that property is empty.
 */
public final class Checks {

    static final String FILE = "checks.properties";

    private static final Map<String, String> TEXTS = load();

    private Checks() {
    }

    /** Whether the board, and what the tests say, speak Russian. */
    public static boolean russian() {
        String lang = System.getProperty("exercises.lang", "").strip();
        if (lang.isEmpty()) {
            lang = Locale.getDefault().getLanguage();
        }
        return lang.toLowerCase(Locale.ROOT).startsWith("ru");
    }

    /** The text of {@code key} in the board's language, formatted with {@code args}. */
    public static String say(String key, Object... args) {
        return say(russian(), key, args);
    }

    public static String say(boolean russian, String key, Object... args) {
        String text = TEXTS.get(key + (russian ? ".ru" : ".en"));
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in " + FILE);
        }
        return args.length == 0 ? text : String.format(text, args);
    }

    /** A check's name in that language: the text of {@code ex<n>.<method>}, if there is one. */
    public static Optional<String> name(boolean russian, int exercise, String method) {
        return Optional.ofNullable(TEXTS.get("ex" + exercise + "." + method + (russian ? ".ru" : ".en")));
    }

    /** Every text, by its full key ({@code <key>.en}, {@code <key>.ru}), for the tests that keep them in step. */
    static Map<String, String> texts() {
        return TEXTS;
    }

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = Checks.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing beside " + Checks.class.getName());
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return texts;
    }
}
