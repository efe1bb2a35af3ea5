package onetomany.exercises.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import onetomany.exercises.contract.Exercise;
import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps what participants read in English and in Russian in step, as {@code GuideTest} does for the guide: the
 * exercises' instructions and their README, the participants' page, the glossary, the instructor's kit, the worked
 * examples (the modules' READMEs), the contract, reliability and databases pages, and the board's own texts. A
 * pair of pages must have the same headings (the libraries' by name), the same code blocks (the board's output, fenced
 * {@code ```board}, in each page's language), the same code spans,
 * the same links (to the same files, which exist) and the same tables; every instructions file must hold the
 * three tiers of hints for each library, in both languages, where the board and {@code ./exercise --hint} find
 * them. Surefire runs in {@code exercise-kit/tests/}: the repository is two levels up.
 */
class TranslationsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path INSTRUCTIONS = ROOT.resolve("exercises/instructions");

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern FORMAT = Pattern.compile("%[-\\d]*[a-z]");

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Path english : files(INSTRUCTIONS)) {
            pairs.add(Arguments.of(english, INSTRUCTIONS.resolve("ru").resolve(english.getFileName())));
            if (english.getFileName().toString().equals("README.md")) {
                continue;
            }
            pairs.add(Arguments.of(INSTRUCTIONS.resolve("answers").resolve(english.getFileName()),
                    INSTRUCTIONS.resolve("ru/answers").resolve(english.getFileName())));
        }
        pairs.add(Arguments.of(ROOT.resolve("exercises/README.md"), ROOT.resolve("exercises/README.ru.md")));
        pairs.add(Arguments.of(ROOT.resolve("docs/glossary.md"), ROOT.resolve("docs/ru/glossary.md")));
        pairs.add(Arguments.of(ROOT.resolve("docs/instructor.md"), ROOT.resolve("docs/ru/instructor.md")));
        pairs.add(Arguments.of(ROOT.resolve("docs/slides.md"), ROOT.resolve("docs/ru/slides.md")));
        pairs.add(Arguments.of(ROOT.resolve("docs/contract.md"), ROOT.resolve("docs/ru/contract.md")));
        pairs.add(Arguments.of(ROOT.resolve("docs/reliability.md"), ROOT.resolve("docs/ru/reliability.md")));
        pairs.add(Arguments.of(ROOT.resolve("docs/databases.md"), ROOT.resolve("docs/ru/databases.md")));
        for (String module : Library.ALL.stream().map(Library::module).toList()) { // every compared library's README
            pairs.add(Arguments.of(ROOT.resolve(module + "/README.md"), ROOT.resolve(module + "/README.ru.md")));
        }
        return pairs.stream();
    }

    @Test
    void every_instructions_file_has_its_russian_twin_and_no_other() {
        assertThat(files(INSTRUCTIONS.resolve("ru")).stream().map(p -> p.getFileName().toString()))
                .containsExactlyElementsOf(files(INSTRUCTIONS).stream().map(p -> p.getFileName().toString()).toList());
        for (Exercise exercise : Exercise.values()) {
            assertThat(ROOT.resolve(exercise.instructions())).isRegularFile();
            assertThat(ROOT.resolve(ProgressBoard.instructions(exercise, true))).isRegularFile();
        }
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void both_languages_have_the_same_headings_code_links_and_tables(Path english, Path russian) {
        assertThat(russian).as("the Russian twin of %s", rel(english)).isRegularFile();
        List<String> en = read(english);
        List<String> ru = read(russian);
        assertThat(headings(ru)).as("heading levels (and library headings) of %s", rel(russian))
                .containsExactlyElementsOf(headings(en));
        assertThat(codeBlocks(ru)).as("code blocks of %s", rel(russian)).containsExactlyElementsOf(codeBlocks(en));
        assertThat(sorted(codeSpans(ru))).as("code spans of %s, against %s", rel(russian), rel(english))
                .containsExactlyElementsOf(sorted(codeSpans(en)));
        assertThat(sorted(links(russian, ru))).as("links of %s, against %s", rel(russian), rel(english))
                .containsExactlyElementsOf(sorted(links(english, en)));
        assertThat(tableRows(ru)).as("table rows of %s", rel(russian)).isEqualTo(tableRows(en));
        assertThat(count(ru, "<details>")).as("folded blocks of %s", rel(russian)).isEqualTo(count(en, "<details>"));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void every_local_link_resolves(Path english, Path russian) {
        for (Path page : List.of(english, russian)) {
            for (String target : links(page, read(page))) {
                if (!target.startsWith("http")) {
                    assertThat(ROOT.resolve(target)).as("%s links to %s", rel(page), target).exists();
                }
            }
        }
    }

    @Test
    void every_exercise_has_three_tiers_of_hints_per_library_in_both_languages() {
        for (Exercise exercise : Exercise.values()) {
            for (Path page : List.of(ROOT.resolve(exercise.instructions()),
                    ROOT.resolve(ProgressBoard.instructions(exercise, true)))) {
                List<String> lines = read(page);
                List<String> answers = read(page.resolveSibling("answers").resolve(page.getFileName()));
                assertThat(lines).as("%s shows no answer: it lives in answers/", rel(page))
                        .noneMatch(line -> line.startsWith("<details>"));
                for (Library library : Library.WORKSHOP) {
                    for (int tier = 1; tier <= 3; tier++) {
                        assertThat(Hints.tier(lines, answers, library.label(), tier))
                                .as("%s: hint %d for %s", rel(page), tier, library.label())
                                .hasValueSatisfying(hint -> assertThat(hint).isNotBlank());
                    }
                }
            }
        }
    }

    @Test
    void the_boards_texts_have_the_same_placeholders_in_both_languages() throws ReflectiveOperationException {
        for (RecordComponent component : ProgressBoard.Text.class.getRecordComponents()) {
            Object en = component.getAccessor().invoke(ProgressBoard.Text.ENGLISH);
            Object ru = component.getAccessor().invoke(ProgressBoard.Text.RUSSIAN);
            if (en instanceof String english) {
                assertThat(formats((String) ru)).as("placeholders of the board's text %s", component.getName())
                        .containsExactlyElementsOf(formats(english));
                if (!english.replaceAll("\\./exercise|%[-\\d]*[a-z]|\\P{L}", "").isEmpty()) {
                    assertThat((String) ru).as("the board's text %s in Russian", component.getName())
                            .isNotEqualTo(english);
                }
            } else {
                assertThat((List<?>) ru).as("the board's %s", component.getName()).hasSameSizeAs((List<?>) en);
            }
        }
        assertThat(ProgressBoard.Text.ENGLISH.titles()).containsExactlyElementsOf(
                Stream.of(Exercise.values()).map(Exercise::title).toList());
    }

    // -------------------------------------------------------------------------------------------------------------

    private static List<String> headings(List<String> lines) {
        List<String> headings = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            fenced ^= line.strip().startsWith("```");
            if (!fenced && line.startsWith("#")) {
                String level = line.substring(0, line.indexOf(' '));
                String text = line.substring(level.length() + 1);
                boolean library = Library.WORKSHOP.stream().anyMatch(l -> l.label().equals(text));
                headings.add(library ? line : level);
            }
        }
        return headings;
    }

    /**
     * The code blocks, as they are; but a block fenced {@code ```board} is the board's output in the page's own
     * language, so only its place is compared.
     */
    private static List<String> codeBlocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        boolean board = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                if (block == null) {
                    block = new StringBuilder();
                    board = line.strip().equals("```board");
                } else {
                    blocks.add(board ? "(the board, in the page's language)" : block.toString());
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static List<String> codeSpans(List<String> lines) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(String.join(" ", withoutCodeBlocks(lines)));
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }

    /** Link targets, resolved against the page and made relative to the repository (web addresses as they are). */
    private static List<String> links(Path page, List<String> lines) {
        List<String> targets = new ArrayList<>();
        for (String line : withoutCodeBlocks(lines)) {
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String target = m.group(2);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    targets.add(target);
                } else {
                    String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    Path resolved = page.getParent().resolve(path).normalize();
                    // A page's link to its own twin is the same link seen from the other side.
                    targets.add(ROOT.relativize(resolved).toString().replace("/ru/", "/").replace(".ru.md", ".md")
                            .replaceFirst("^docs/ru/", "docs/"));
                }
            }
        }
        return targets;
    }

    private static List<String> withoutCodeBlocks(List<String> lines) {
        List<String> kept = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static long tableRows(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("|")).count();
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    private static List<String> formats(String text) {
        List<String> formats = new ArrayList<>();
        Matcher m = FORMAT.matcher(text);
        while (m.find()) {
            formats.add(m.group());
        }
        return formats;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rel(Path file) {
        return ROOT.relativize(file).toString();
    }
}
