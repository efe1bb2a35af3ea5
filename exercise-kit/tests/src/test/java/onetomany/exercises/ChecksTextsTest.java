package onetomany.exercises;

import java.io.IOException;
import java.lang.reflect.Method;
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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps what the exercise tests say in English and in Russian in step ({@code checks.properties}, read by
 * {@link Checks}): every key has both texts, on adjacent lines, with the same placeholders; the Russian is Russian;
 * every key the tests use exists, and every key is used (a check's name by its test method, an explanation by a
 * {@code say} call in the tests' sources); every test method of an exercise's suite has a name in both languages.
 */
class ChecksTextsTest {

    private static final Path SOURCES = Path.of("src/test/java/onetomany/exercises");
    private static final Path FILE = Path.of("src/test/resources/onetomany/exercises/" + Checks.FILE);
    private static final Pattern FORMAT = Pattern.compile("%[-\\d]*[a-z]");
    /** A key in the tests' sources: a string literal {@code "ex<n>.<word>"} or {@code "common.<word>"}. */
    private static final Pattern SAY = Pattern.compile("\"((?:common|ex\\d+)\\.[a-z0-9_]+)\"");
    private static final Pattern NAME = Pattern.compile("^ex(\\d+)\\.([a-z0-9_]+)$");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    @Test
    void every_key_has_its_english_then_its_russian_on_the_next_line_with_the_same_placeholders() throws IOException {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(lines.size() % 2).as("%s: lines come in pairs", FILE).isZero();
        for (int i = 0; i < lines.size(); i += 2) {
            String en = lines.get(i);
            String ru = lines.get(i + 1);
            String key = en.substring(0, en.indexOf(" = "));
            assertThat(key).as("line %s", en).endsWith(".en");
            assertThat(ru).as("the line after %s", key).startsWith(key.replaceFirst("\\.en$", ".ru") + " = ");
        }
        for (String key : Checks.texts().keySet()) {
            String base = key.substring(0, key.lastIndexOf('.'));
            String english = Checks.texts().get(base + ".en");
            String russian = Checks.texts().get(base + ".ru");
            assertThat(english).as("the English of %s", base).isNotBlank();
            assertThat(russian).as("the Russian of %s", base).isNotBlank();
            assertThat(formats(russian)).as("placeholders of %s in Russian", base)
                    .containsExactlyElementsOf(formats(english));
            if (english.replaceAll("%[-\\d]*[a-z]|\\P{L}", "").chars().anyMatch(Character::isLowerCase)
                    && !english.matches("^[\\w.]+\\(.*\\)$|.*[A-Z][a-z]+[A-Z].*")) {
                assertThat(russian).as("the Russian of %s", base).isNotEqualTo(english);
            }
            if (english.matches(".*\\b(the|a|of|is|are|in|with|its|must)\\b.*")) {
                assertThat(CYRILLIC.matcher(russian).find()).as("%s in Russian: %s", base, russian).isTrue();
            }
        }
    }

    @Test
    void every_key_the_tests_say_exists_and_every_explanation_is_said() throws IOException {
        Set<String> said = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = SAY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    said.add(m.group(1));
                }
            }
        }
        Set<String> keys = new TreeSet<>();
        Checks.texts().keySet().forEach(key -> keys.add(key.substring(0, key.lastIndexOf('.'))));
        assertThat(keys).as("the keys of %s", FILE).containsAll(said);
        List<String> unused = new ArrayList<>();
        for (String key : keys) {
            Matcher name = NAME.matcher(key);
            boolean testName = name.matches() && testMethods(Integer.parseInt(name.group(1))).contains(name.group(2));
            if (!testName && !said.contains(key)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys of %s that no test says and that name no test", FILE).isEmpty();
    }

    @Test
    void every_test_of_every_exercise_has_a_name_in_both_languages() {
        for (int exercise = 1; exercise <= 10; exercise++) {
            for (String method : testMethods(exercise)) {
                assertThat(Checks.name(false, exercise, method)).as("the English name of ex%d.%s", exercise, method)
                        .isPresent();
                assertThat(Checks.name(true, exercise, method)).as("the Russian name of ex%d.%s", exercise, method)
                        .isPresent();
            }
        }
    }

    /** The test methods of exercise n's suite: the methods annotated @Test or @ParameterizedTest. */
    private static List<String> testMethods(int exercise) {
        Class<?> suite = suite(exercise);
        List<String> names = new ArrayList<>();
        for (Method method : suite.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Test.class)
                    || method.isAnnotationPresent(org.junit.jupiter.params.ParameterizedTest.class)) {
                names.add(method.getName());
            }
        }
        assertThat(names).as("the tests of %s", suite.getSimpleName()).isNotEmpty();
        return names;
    }

    private static Class<?> suite(int exercise) {
        try (Stream<Path> files = Files.list(SOURCES)) {
            String file = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.matches("Ex" + exercise + "[A-Z]\\w*Contract\\.java")).findFirst().orElseThrow();
            return Class.forName("onetomany.exercises." + file.replace(".java", ""));
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> formats(String text) {
        List<String> formats = new ArrayList<>();
        Matcher m = FORMAT.matcher(text);
        while (m.find()) {
            formats.add(m.group());
        }
        return formats;
    }
}
