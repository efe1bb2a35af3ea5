package onetomany.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import onetomany.db.Database;
import onetomany.jpa.model.UserEntity;
import onetomany.mybatis.mapper.UserPostMapper;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the workshop guide ({@code docs/guide.md}) and its Russian twin ({@code docs/ru/guide.md}) true to the
 * code: every snippet is the tagged region of a compiled, tested source; every link resolves to a file and to
 * lines that exist (and that are the ones meant); the two guides have the same sections, snippets and quoted
 * errors; every test and exercise they name exists; every error they quote is the one the library throws.
 *
 * <p>A region is tagged in its source with {@code // tag::NAME[]} ... {@code // end::NAME[]} (in XML
 * {@code <!-- tag::NAME[] -->}); a guide shows it as a line {@code <!-- snippet: path#NAME -->} followed by a
 * fenced block holding the region, its common indentation removed. A link to lines ({@code path#L10-L20}) must
 * cover exactly a tagged region of that file, or start on the line that holds the code of its text (a test
 * method, a statement). Surefire runs in {@code comparison/}: the repository is its parent.
 */
class GuideTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ENGLISH = ROOT.resolve("docs/guide.md");
    private static final Path RUSSIAN = ROOT.resolve("docs/ru/guide.md");
    /**
     * The tests a guide may name: the shared suites (every source of module shared-suites, the stream in a small heap
     * too), and this module's (the seed script, this class).
     */
    private static final List<Path> TESTS = Stream.concat(
            sources(ROOT.resolve("shared-suites/src/main/java/onetomany/suites")),
            Stream.of(ROOT.resolve("comparison/src/test/java/onetomany/comparison/SeedScriptTest.java"),
                    ROOT.resolve("comparison/src/test/java/onetomany/comparison/GuideTest.java"))).toList();
    private static final Path EXERCISES = ROOT.resolve("exercises/instructions");

    private static final Pattern ANCHOR = Pattern.compile("^<a id=\"([a-z0-9-]+)\"></a>$");
    private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (\\S+)#([a-z0-9-]+) -->$");
    private static final Pattern OUTPUT = Pattern.compile("^<!-- error: ([a-z0-9-]+) -->$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern LINES = Pattern.compile("L(\\d+)(?:-L(\\d+))?");
    private static final Pattern TAG_OPEN = Pattern.compile("(?://|<!--) tag::([a-z0-9-]+)\\[]");
    private static final Pattern TAG_CLOSE = Pattern.compile("(?://|<!--) end::([a-z0-9-]+)\\[]");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern TEST_NAME = Pattern.compile("[a-z]+(?:_[a-z0-9]+){3,}");
    private static final Pattern TEST_METHOD = Pattern.compile("\\bvoid ([a-z0-9_]+)\\(");
    private static final Pattern EXERCISE_FILE = Pattern.compile("\\b(\\d\\d-[a-z0-9-]+\\.md)\\b");

    private static Stream<Path> sources(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> guides() {
        return Stream.of(ENGLISH, RUSSIAN);
    }

    // -----------------------------------------------------------------------------------------------------------
    // The two languages

    @Test
    void both_guides_have_the_same_sections_in_the_same_order() {
        List<String> english = sectionIds(ENGLISH);
        assertThat(english).as("sections of docs/guide.md").isNotEmpty().doesNotHaveDuplicates();
        assertThat(sectionIds(RUSSIAN)).as("sections of docs/ru/guide.md, against docs/guide.md")
                .containsExactlyElementsOf(english);
    }

    @Test
    void both_guides_show_the_same_snippets_and_errors_in_the_same_order() {
        assertThat(markers(RUSSIAN)).as("snippets and errors of docs/ru/guide.md, against docs/guide.md")
                .containsExactlyElementsOf(markers(ENGLISH));
    }

    @ParameterizedTest
    @MethodSource("guides")
    void every_heading_has_a_section_id_before_it(Path guide) {
        List<String> lines = read(guide);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("## ") || lines.get(i).startsWith("### ")) {
                assertThat(i > 0 && ANCHOR.matcher(lines.get(i - 1)).matches())
                        .as("%s:%d: `%s` needs <a id=\"...\"></a> on the line before", name(guide), i + 1,
                                lines.get(i))
                        .isTrue();
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Snippets, links, names

    @ParameterizedTest
    @MethodSource("guides")
    void every_snippet_is_the_tagged_region_of_its_source(Path guide) {
        List<String> lines = read(guide);
        int snippets = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = SNIPPET.matcher(lines.get(i));
            if (marker.matches()) {
                Path source = ROOT.resolve(marker.group(1));
                assertThat(source).as("%s:%d", name(guide), i + 1).isRegularFile();
                List<String> region = Region.of(source, marker.group(2)).text();
                assertThat(fencedBlock(guide, lines, i))
                        .as("%s:%d: the snippet %s#%s, as it is in the source", name(guide), i + 1,
                                marker.group(1), marker.group(2))
                        .containsExactlyElementsOf(region);
                snippets++;
            }
        }
        assertThat(snippets).as("snippets in %s", name(guide)).isPositive();
    }

    @ParameterizedTest
    @MethodSource("guides")
    void every_link_resolves_to_an_existing_file_and_to_the_lines_it_means(Path guide) {
        List<String> lines = read(guide);
        List<String> ids = sectionIds(guide);
        for (int i = 0; i < lines.size(); i++) {
            Matcher link = LINK.matcher(lines.get(i));
            assertThat(LINK.matcher(lines.get(i)).results().count())
                    .as("%s:%d: every `](` starts a link to a path without spaces", name(guide), i + 1)
                    .isEqualTo(lines.get(i).split("]\\(", -1).length - 1);
            while (link.find()) {
                String where = name(guide) + ":" + (i + 1) + ": " + link.group();
                String target = link.group(2);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? null : target.substring(hash + 1);
                if (path.isEmpty()) {
                    assertThat(ids).as(where).contains(fragment);
                    continue;
                }
                Path file = guide.getParent().resolve(path).normalize();
                assertThat(Files.exists(file)).as(where + ": no such file " + ROOT.relativize(file)).isTrue();
                if (fragment != null) {
                    checkFragment(where, link.group(1), file, fragment);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("guides")
    void every_test_named_is_a_test_that_exists(Path guide) {
        List<String> tests = new ArrayList<>();
        for (Path source : TESTS) {
            Matcher method = TEST_METHOD.matcher(String.join("\n", read(source)));
            while (method.find()) {
                tests.add(method.group(1));
            }
        }
        int named = 0;
        for (String code : codeSpans(guide)) {
            if (TEST_NAME.matcher(code).matches()) {
                assertThat(tests).as("%s names the test `%s`", name(guide), code).contains(code);
                named++;
            }
        }
        assertThat(named).as("tests named in %s", name(guide)).isPositive();
    }

    @ParameterizedTest
    @MethodSource("guides")
    void every_exercise_named_exists(Path guide) {
        Matcher file = EXERCISE_FILE.matcher(String.join("\n", read(guide)));
        int named = 0;
        while (file.find()) {
            assertThat(EXERCISES.resolve(file.group(1))).as("%s names %s", name(guide), file.group(1))
                    .isRegularFile();
            named++;
        }
        assertThat(named).as("exercises named in %s", name(guide)).isPositive();
    }

    // -----------------------------------------------------------------------------------------------------------
    // The errors of a forgotten registration, as each library throws them

    /** Each quoted error: the code that forgets a registration, run on a new H2 database. */
    private static final Map<String, Function<DataSource, Object>> FORGETTING = Map.of(
            "forget-jpa", GuideTest::forgetAnEntity,
            "forget-mybatis", GuideTest::forgetTheMapper,
            "forget-jdbi", GuideTest::forgetARowMapper);

    private static Object forgetAnEntity(DataSource dataSource) {
        // tag::forget-jpa[]
        return new HibernatePersistenceConfiguration("one-to-many")
                .managedClasses(UserEntity.class) // PostEntity.class forgotten
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
        // end::forget-jpa[]
    }

    private static Object forgetTheMapper(DataSource dataSource) {
        // tag::forget-mybatis[]
        Configuration configuration =
                new Configuration(new Environment("default", new JdbcTransactionFactory(), dataSource));
        // configuration.addMapper(UserPostMapper.class) forgotten
        try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration).openSession()) {
            return session.getMapper(UserPostMapper.class);
        }
        // end::forget-mybatis[]
    }

    private static Object forgetARowMapper(DataSource dataSource) {
        // tag::forget-jdbi[]
        Jdbi jdbi = Jdbi.create(dataSource); // .registerRowMapper(UserEntity.class, ...) forgotten
        return jdbi.withHandle(handle -> handle.createQuery("select u.id u_id, u.name u_name from users u")
                .mapTo(onetomany.jdbi.model.UserEntity.class)
                .list());
        // end::forget-jdbi[]
    }

    @ParameterizedTest
    @MethodSource("guides")
    void every_error_quoted_is_the_one_the_library_throws(Path guide) {
        List<String> lines = read(guide);
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = OUTPUT.matcher(lines.get(i));
            if (marker.matches()) {
                String key = marker.group(1);
                assertThat(FORGETTING).as("%s:%d: no code for the error %s", name(guide), i + 1, key).containsKey(key);
                assertThat(String.join("\n", fencedBlock(guide, lines, i)))
                        .as("%s:%d: the error of %s, as the library throws it", name(guide), i + 1, key)
                        .isEqualTo(thrownBy(FORGETTING.get(key)));
                quoted.add(key);
            }
        }
        assertThat(quoted).as("errors quoted in %s", name(guide))
                .containsExactlyInAnyOrderElementsOf(FORGETTING.keySet());
    }

    @Test
    void a_forgotten_mapper_fails_before_any_statement_is_sent() {
        for (Function<DataSource, Object> code : List.<Function<DataSource, Object>>of(
                GuideTest::forgetTheMapper, GuideTest::forgetARowMapper)) {
            try (Database database = Database.h2()) {
                database.statements().reset();
                assertThatThrownBy(() -> code.apply(database.dataSource())).isInstanceOf(RuntimeException.class);
                assertThat(database.statements().executed()).isEmpty();
            }
        }
    }

    /** The first line of what the code throws: the exception's class and message, as a stack trace starts. */
    private static String thrownBy(Function<DataSource, Object> code) {
        try (Database database = Database.h2()) {
            code.apply(database.dataSource());
        } catch (RuntimeException e) {
            return e.toString().lines().findFirst().orElseThrow();
        }
        return fail("no exception");
    }

    // -----------------------------------------------------------------------------------------------------------
    // The links of the two languages (kept below the tests the guides link to by line)

    @Test
    void both_guides_link_the_same_files_the_russian_one_through_their_russian_twins() {
        List<String> english = links(ENGLISH).stream().map(GuideTest::original).sorted().toList();
        List<String> russian = links(RUSSIAN);
        assertThat(russian.stream().map(GuideTest::original).sorted().toList())
                .as("links of docs/ru/guide.md (a Russian twin counts as its English page), against docs/guide.md")
                .containsExactlyElementsOf(english);
        for (String target : russian) {
            String path = target.replaceFirst("#.*", "");
            String twin = twin(path);
            if (twin != null && !original(path).equals("docs/guide.md") && Files.exists(ROOT.resolve(twin))) {
                fail("docs/ru/guide.md links %s, which has a Russian twin: link %s", path, twin);
            }
        }
    }

    /** The guide's links: web addresses as they are; files relative to the repository, with a fragment of lines. */
    private static List<String> links(Path guide) {
        List<String> targets = new ArrayList<>();
        for (String line : read(guide)) {
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(2);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
                    targets.add(target);
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? "" : target.substring(hash);
                String file = ROOT.relativize(guide.getParent().resolve(path).normalize()).toString()
                        .replace('\\', '/');
                // Anchors differ between a page and its twin; lines of a source do not.
                targets.add(file + (LINES.matcher(fragment.replaceFirst("^#", "")).matches() ? fragment : ""));
            }
        }
        return targets;
    }

    /**
     * The English page a Russian twin translates (docs/ru/x.md, exercises/instructions/ru/x.md, x.ru.md); else as
     * is.
     */
    private static String original(String target) {
        return target.replaceFirst("^docs/ru/", "docs/")
                .replaceFirst("^exercises/instructions/ru/", "exercises/instructions/")
                .replaceFirst("\\.ru\\.md$", ".md");
    }

    /** Where the Russian twin of an English page would be, or null if the target is not an English page. */
    private static String twin(String path) {
        if (!path.endsWith(".md") || !original(path).equals(path)) {
            return null;
        }
        if (path.startsWith("docs/")) {
            return "docs/ru/" + path.substring("docs/".length());
        }
        if (path.startsWith("exercises/instructions/")) {
            return "exercises/instructions/ru/" + path.substring("exercises/instructions/".length());
        }
        return path.replaceFirst("\\.md$", ".ru.md");
    }

    // -----------------------------------------------------------------------------------------------------------
    // Reading the guides and the sources

    private static List<String> sectionIds(Path guide) {
        List<String> ids = new ArrayList<>();
        for (String line : read(guide)) {
            Matcher anchor = ANCHOR.matcher(line);
            if (anchor.matches()) {
                ids.add(anchor.group(1));
            }
        }
        return ids;
    }

    private static List<String> markers(Path guide) {
        return read(guide).stream()
                .filter(line -> SNIPPET.matcher(line).matches() || OUTPUT.matcher(line).matches())
                .toList();
    }

    private static List<String> codeSpans(Path guide) {
        List<String> spans = new ArrayList<>();
        boolean fenced = false;
        for (String line : read(guide)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher code = CODE.matcher(line);
                while (code.find()) {
                    spans.add(code.group(1));
                }
            }
        }
        return spans;
    }

    /** The body of the fenced block that follows the marker on line {@code marker} (0-based). */
    private static List<String> fencedBlock(Path guide, List<String> lines, int marker) {
        int open = marker + 1;
        assertThat(open < lines.size() && lines.get(open).startsWith("```"))
                .as("%s:%d: a fenced block must follow the marker", name(guide), marker + 1).isTrue();
        List<String> body = new ArrayList<>();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return body;
            }
            body.add(lines.get(i).stripTrailing());
        }
        return fail("%s:%d: the fenced block is not closed", name(guide), open + 1);
    }

    private static void checkFragment(String where, String text, Path file, String fragment) {
        Matcher range = LINES.matcher(fragment);
        if (!range.matches()) {
            assertThat(file.toString()).as(where + ": an anchor only in a Markdown file").endsWith(".md");
            List<String> targets = new ArrayList<>();
            for (String line : read(file)) {
                Matcher anchor = ANCHOR.matcher(line);
                if (anchor.matches()) {
                    targets.add(anchor.group(1));
                } else if (line.startsWith("#")) {
                    targets.add(slug(line.replaceFirst("^#+\\s*", "")));
                }
            }
            assertThat(targets).as(where).contains(fragment);
            return;
        }
        List<String> lines = read(file);
        int from = Integer.parseInt(range.group(1));
        int to = range.group(2) == null ? from : Integer.parseInt(range.group(2));
        assertThat(from).as(where + ": lines of " + file.getFileName()).isBetween(1, to);
        assertThat(to).as(where + ": " + file.getFileName() + " has " + lines.size() + " lines")
                .isLessThanOrEqualTo(lines.size());
        Map<String, Region> regions = Region.all(file);
        for (Region region : regions.values()) {
            if (region.from() == from && region.to() == to) {
                return;
            }
        }
        Matcher code = CODE.matcher(text);
        StringBuilder meant = new StringBuilder();
        if (code.find()) {
            if (lines.get(from - 1).contains(code.group(1))) {
                return;
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(code.group(1))) {
                    meant.append(String.format("%n  `%s` is on L%d", code.group(1), i + 1));
                }
            }
        }
        regions.forEach((tag, region) ->
                meant.append(String.format("%n  #%s is L%d-L%d", tag, region.from(), region.to())));
        fail("%s: L%d-L%d is neither a tagged region of %s nor starts on a line holding the link's `code`;"
                + " where it is, and the tagged regions:%s", where, from, to, file.getFileName(), meant);
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
    private static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** A tagged region of a source file: lines {@code from}..{@code to} (1-based) between its two tag lines. */
    private record Region(int from, int to, List<String> text) {

        static Region of(Path source, String tag) {
            Region region = all(source).get(tag);
            assertThat(region).as("the tag %s in %s", tag, ROOT.relativize(source)).isNotNull();
            return region;
        }

        static Map<String, Region> all(Path source) {
            List<String> lines = read(source);
            Map<String, Region> regions = new LinkedHashMap<>();
            Map<String, Integer> open = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher start = TAG_OPEN.matcher(lines.get(i));
                Matcher end = TAG_CLOSE.matcher(lines.get(i));
                if (start.find()) {
                    open.put(start.group(1), i + 1);
                } else if (end.find()) {
                    Integer tagLine = open.remove(end.group(1));
                    assertThat(tagLine).as("%s:%d: end::%s[] without tag::%s[]", ROOT.relativize(source), i + 1,
                            end.group(1), end.group(1)).isNotNull();
                    List<String> text = lines.subList(tagLine, i).stream()
                            .filter(line -> !TAG_OPEN.matcher(line).find() && !TAG_CLOSE.matcher(line).find())
                            .toList();
                    regions.put(end.group(1), new Region(tagLine + 1, i, dedent(text)));
                }
            }
            assertThat(open).as("tags never closed in %s", ROOT.relativize(source)).isEmpty();
            return regions;
        }

        private static List<String> dedent(List<String> lines) {
            int indent = lines.stream().filter(line -> !line.isBlank())
                    .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
            return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing()).toList();
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path guide) {
        return ROOT.relativize(guide).toString();
    }
}
