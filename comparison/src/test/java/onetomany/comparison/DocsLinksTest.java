package onetomany.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the repository links to files and headings that exist: the README is a front page whose sections
 * moved to pages of their own, and a link that a move broke is found here, not by a reader.
 *
 * <p>Checks every Markdown file outside build output: each relative link must name an existing file or folder, and
 * a {@code #fragment} on a Markdown file must be one of its headings (GitHub's slug) or an explicit
 * {@code <a id="...">}. Links to line ranges of sources are the guide's business ({@link GuideTest}).
 *
 * <p>A Russian page ({@code docs/ru/**}, {@code exercises/instructions/ru/**}, {@code *.ru.md}) that links an English
 * page with a Russian twin links the twin: a Russian reader who follows a link stays in Russian. The twin of
 * {@code x.md} is {@code x.ru.md} beside it, of {@code docs/x.md} {@code docs/ru/x.md}, of
 * {@code exercises/instructions/y} (answers included) {@code exercises/instructions/ru/y}. A link whose text says it
 * goes to English («In English», «in English», «по-английски») is the reader's choice and stays.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".mvn", "node_modules");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern TO_ENGLISH = Pattern.compile("(?iu).*(english|по-английски|английск).*");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");

    static Stream<Path> pages() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> {
                        for (Path part : ROOT.relativize(path)) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_front_page_and_the_pages_it_sends_readers_to_are_found() {
        assertThat(pages().map(page -> ROOT.relativize(page).toString()))
                .contains("README.md", "exercises/README.md", "docs/instructor.md", "docs/guide.md",
                        "docs/ru/guide.md", "comparison/README.md", "benchmarks/README.md", "docs/contract.md",
                        "docs/reliability.md", "docs/databases.md");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void every_relative_link_names_a_file_and_a_heading_that_exist(Path page) {
        for (Link link : links(page)) {
            String target = link.target();
            String where = ROOT.relativize(page) + ":" + link.line() + ": " + target;
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String fragment = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            assertThat(Files.exists(resolved)).as(where + " (no such file)").isTrue();
            if (fragment != null && resolved.toString().endsWith(".md") && !fragment.matches("L\\d+(-L\\d+)?")) {
                assertThat(headings(resolved)).as(where + " (no such heading)").contains(fragment);
            }
        }
    }

    static Stream<Path> russianPages() {
        return pages().filter(DocsLinksTest::russian);
    }

    @ParameterizedTest
    @MethodSource("russianPages")
    void a_russian_page_links_the_russian_twin_of_an_english_page(Path page) {
        List<String> wrong = new ArrayList<>();
        for (Link link : links(page)) {
            String target = link.target();
            if (TO_ENGLISH.matcher(link.text()).matches()) {
                continue;
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            if (file.isEmpty() || !file.endsWith(".md")) {
                continue;
            }
            Path resolved = page.getParent().resolve(file).normalize();
            if (russian(resolved)) {
                continue;
            }
            Path twin = twin(resolved);
            if (twin != null && Files.exists(twin) && !twin.equals(page)) { // a page's own original: its switch
                wrong.add(ROOT.relativize(page) + ":" + link.line() + ": " + target + " (its twin: "
                        + ROOT.relativize(twin) + ")");
            }
        }
        assertThat(wrong).as("links from a Russian page to an English page that has a Russian twin").isEmpty();
    }

    /** A link of a page, outside fenced code, to something of this repository (no {@code https:} and the like). */
    private record Link(int line, String text, String target) {
    }

    private static List<Link> links(Path page) {
        List<String> lines = read(page);
        List<Link> links = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher link = LINK.matcher(line);
            while (!fenced && link.find()) {
                if (!link.group(2).matches("^[a-z]+:.*")) { // https:, mailto:, file: — not a file of this repository
                    links.add(new Link(i + 1, link.group(1), link.group(2)));
                }
            }
        }
        return links;
    }

    @Test
    void twins_are_found_where_the_pages_keep_them() {
        assertThat(twin(ROOT.resolve("exercises/README.md"))).isEqualTo(ROOT.resolve("exercises/README.ru.md"));
        assertThat(twin(ROOT.resolve("docs/guide.md"))).isEqualTo(ROOT.resolve("docs/ru/guide.md"));
        assertThat(twin(ROOT.resolve("exercises/instructions/answers/01-map-comments.md")))
                .isEqualTo(ROOT.resolve("exercises/instructions/ru/answers/01-map-comments.md"));
        assertThat(twin(ROOT.resolve("exercises/instructions/03-three-levels.md")))
                .isEqualTo(ROOT.resolve("exercises/instructions/ru/03-three-levels.md"));
        assertThat(russian(ROOT.resolve("docs/ru/instructor.md"))).isTrue();
        assertThat(russian(ROOT.resolve("module-jpa/README.ru.md"))).isTrue();
        assertThat(russian(ROOT.resolve("exercises/instructions/ru/answers/01-map-comments.md"))).isTrue();
        assertThat(russian(ROOT.resolve("docs/instructor.md"))).isFalse();
    }

    /** A page in Russian: under {@code docs/ru/} or {@code exercises/instructions/ru/}, or named {@code *.ru.md}. */
    static boolean russian(Path page) {
        String rel = ROOT.relativize(page).toString().replace('\\', '/');
        return rel.startsWith("docs/ru/") || rel.startsWith("exercises/instructions/ru/") || rel.endsWith(".ru.md");
    }

    /** Where the Russian twin of an English page would be (whether or not it exists); null for no such place. */
    static Path twin(Path english) {
        String rel = ROOT.relativize(english).toString().replace('\\', '/');
        if (rel.startsWith("docs/") && !rel.startsWith("docs/ru/")) {
            return ROOT.resolve("docs/ru/" + rel.substring("docs/".length()));
        }
        if (rel.startsWith("exercises/instructions/") && !rel.startsWith("exercises/instructions/ru/")) {
            return ROOT.resolve("exercises/instructions/ru/" + rel.substring("exercises/instructions/".length()));
        }
        if (rel.endsWith(".md") && !rel.endsWith(".ru.md")) {
            return ROOT.resolve(rel.substring(0, rel.length() - ".md".length()) + ".ru.md");
        }
        return null;
    }

    private static List<String> headings(Path page) {
        List<String> ids = new ArrayList<>();
        boolean fenced = false;
        for (String line : read(page)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher anchor = ANCHOR.matcher(line);
                while (anchor.find()) {
                    ids.add(anchor.group(1));
                }
                if (line.startsWith("#")) {
                    ids.add(slug(line.replaceFirst("^#+\\s*", "")));
                }
            }
        }
        return ids;
    }

    /** GitHub's heading id: lower case, punctuation dropped, spaces to hyphens. */
    private static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
