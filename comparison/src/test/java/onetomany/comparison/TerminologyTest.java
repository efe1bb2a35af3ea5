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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One term per concept in everything a participant or an instructor reads in Russian. The terms are the table
 * {@code <a id="terms">} of {@code docs/ru/glossary.md}: its last column lists the variants it rules out, and this
 * test refuses each of them in every Russian page ({@code docs/ru/**}, {@code exercises/instructions/ru/**}, every
 * {@code *.ru.md}) and in every Russian string literal of the Java sources (the board's texts among them) and of the
 * {@code exercise} script.
 *
 * <p>A variant is a whole word, its first letter in either case; {@code *} at its end stands for any ending
 * ({@code практикум*} refuses «практикума»). Code is not prose: fenced blocks, {@code `code spans`}, HTML comments
 * and link targets are not looked at. A ruled-out word placed right before a code span that it names is allowed
 * (пакет {@code `onetomany.db`}: a Java package is a «пакет»). Surefire runs in {@code comparison/}: the repository is
 * its parent.
 */
class TerminologyTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path GLOSSARY = ROOT.resolve("docs/ru/glossary.md");
    private static final String TABLE_ANCHOR = "<a id=\"terms\"></a>";
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".mvn", "node_modules");
    private static final Path SELF =
            ROOT.resolve("comparison/src/test/java/onetomany/comparison/TerminologyTest.java");

    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern LINK_TARGET = Pattern.compile("]\\([^)\\s]*\\)");

    /** A ruled-out variant of a term, and the word to use instead. */
    record Rule(String variant, String use, Pattern pattern) {

        static Rule of(String variant, String use) {
            boolean stem = variant.endsWith("*");
            String word = stem ? variant.substring(0, variant.length() - 1) : variant;
            // The first letter in either case (a sentence may start with the word), the rest as written: so that
            // a name in camel case (reduceRows) is not taken for a word.
            String first = word.substring(0, 1);
            String regex = "(?<![\\p{L}\\p{N}_'])[" + first.toLowerCase(Locale.ROOT) + first.toUpperCase(Locale.ROOT)
                    + "]" + Pattern.quote(word.substring(1)) + (stem ? "\\p{Ll}*(?:['’]\\p{Ll}+)?" : "")
                    + "(?![\\p{L}\\p{N}_])(?!\\s*`)";
            return new Rule(variant, use, Pattern.compile(regex));
        }
    }

    /** A piece of Russian text: where it is, and the prose in it (code already taken out). */
    record Text(String where, String prose) {
    }

    // -----------------------------------------------------------------------------------------------------------

    @Test
    void the_glossary_holds_the_terminology_table_with_the_variants_it_rules_out() {
        List<Rule> rules = rules();
        assertThat(rules).extracting(Rule::variant)
                .as("the ruled-out variants of the table <a id=\"terms\"> in docs/ru/glossary.md")
                .contains("отображени*", "табло", "практикум*", "порци*", "пакет*", "reducer*", "инструктор*",
                        "стейтмент*", "ты", "тебе", "тебя", "твой");
        assertThat(russianTexts()).as("Russian texts found").hasSizeGreaterThan(100)
                .anyMatch(text -> text.where().startsWith("docs/ru/guide.md:"))
                .anyMatch(text -> text.where().startsWith("exercises/instructions/ru/answers/"))
                .anyMatch(text -> text.where().startsWith("exercises/README.ru.md:"))
                .anyMatch(text -> text.where().contains("board/ProgressBoard.java:"));
    }

    @Test
    void the_rules_refuse_a_variant_in_prose_and_leave_code_alone() {
        List<Rule> rules = rules();
        assertThat(violations(rules, List.of(new Text("a:1", prose("Ты видишь табло практикума.")))))
                .hasSize(3);
        assertThat(violations(rules, List.of(new Text("a:1", prose("Это делает reducer, а не `reducer`.")))))
                .hasSize(1);
        assertThat(violations(rules, List.of(new Text("a:1", prose(
                "Доска воркшопа, `табло`, пакет `onetomany.db`, тысяча стабильных запросов, [x](../ты.md)")))))
                .isEmpty();
        assertThat(markdown(List.of("```", "табло", "```", "доска"), "a.md")).extracting(Text::prose)
                .containsExactly("доска");
        assertThat(javaLiterals(List.of("// табло", "String s = \"табло \\\"доска\\\"\";", "String t = \"\"\"",
                "    практикум", "    \"\"\";"), "B.java"))
                .containsExactly(new Text("B.java:2", "табло \\\"доска\\\""), new Text("B.java:4", "    практикум"));
    }

    @Test
    void every_russian_text_uses_the_terms_of_the_glossary() {
        List<String> found = violations(rules(), russianTexts());
        assertThat(found).as("ruled-out variants (docs/ru/glossary.md, table «%s»); each as file:line",
                "terms").isEmpty();
    }

    // -----------------------------------------------------------------------------------------------------------
    // The table

    static List<Rule> rules() {
        List<String> lines = read(GLOSSARY);
        int anchor = lines.indexOf(TABLE_ANCHOR);
        assertThat(anchor).as("docs/ru/glossary.md has %s", TABLE_ANCHOR).isNotNegative();
        int header = anchor + 1;
        while (header < lines.size() && !lines.get(header).startsWith("|")) {
            header++;
        }
        assertThat(header).as("a table after %s", TABLE_ANCHOR).isLessThan(lines.size() - 2);
        List<String> columns = cells(lines.get(header));
        assertThat(columns).as("the terminology table's columns").hasSize(3);
        List<Rule> rules = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            assertThat(row).as("docs/ru/glossary.md:%d has three cells", i + 1).hasSize(3);
            for (String variant : row.get(2).split(",")) {
                String cleaned = variant.replaceAll("[«»]", "").strip();
                if (!cleaned.isEmpty() && !cleaned.equals("—")) {
                    rules.add(Rule.of(cleaned, row.get(1)));
                }
            }
        }
        return rules;
    }

    /**
     * The lines of the terminology table in the glossary (0-based, from the header on): its own words are no
     * violations.
     */
    private static Set<Integer> tableLines(List<String> lines) {
        Set<Integer> table = new java.util.HashSet<>();
        int i = lines.indexOf(TABLE_ANCHOR);
        if (i < 0) {
            return table;
        }
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        while (i < lines.size() && lines.get(i).startsWith("|")) {
            table.add(i++);
        }
        return table;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    // -----------------------------------------------------------------------------------------------------------
    // The texts

    static List<Text> russianTexts() {
        List<Text> texts = new ArrayList<>();
        for (Path file : files()) {
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            List<String> lines = read(file);
            if (name.endsWith(".md") && isRussianPage(name)) {
                List<String> kept = new ArrayList<>(lines);
                if (file.equals(GLOSSARY)) {
                    tableLines(lines).forEach(i -> kept.set(i, ""));
                }
                texts.addAll(markdown(kept, name));
            } else if (name.endsWith(".java") && !file.equals(SELF)) {
                texts.addAll(javaLiterals(lines, name));
            } else if (name.endsWith("_ru.properties")) {
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (CYRILLIC.matcher(line).find() && !line.strip().startsWith("#")) {
                        texts.add(new Text(name + ":" + (i + 1), prose(line.substring(line.indexOf('=') + 1))));
                    }
                }
            } else if (name.equals("exercise")) {
                for (int i = 0; i < lines.size(); i++) {
                    if (CYRILLIC.matcher(lines.get(i)).find() && !lines.get(i).strip().startsWith("#")) {
                        texts.add(new Text(name + ":" + (i + 1), prose(lines.get(i))));
                    }
                }
            }
        }
        return texts;
    }

    private static boolean isRussianPage(String name) {
        return name.startsWith("docs/ru/") || name.startsWith("exercises/instructions/ru/") || name.endsWith(".ru.md");
    }

    /** The prose of a Markdown page, line by line: fenced blocks left out. */
    static List<Text> markdown(List<String> lines, String name) {
        List<Text> texts = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced && CYRILLIC.matcher(line).find()) {
                texts.add(new Text(name + ":" + (i + 1), prose(line)));
            }
        }
        return texts;
    }

    /** The string literals and text blocks of a Java source that hold Cyrillic, with the line each line is on. */
    static List<Text> javaLiterals(List<String> lines, String name) {
        List<Text> texts = new ArrayList<>();
        String source = String.join("\n", lines);
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source.substring(i, end));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                String[] block = source.substring(i + 3, end).split("\n", -1);
                for (int k = 0; k < block.length; k++) {
                    if (CYRILLIC.matcher(block[k]).find()) {
                        texts.add(new Text(name + ":" + (line + k), prose(block[k])));
                    }
                }
                line += block.length - 1;
                i = Math.min(source.length(), end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                String literal = source.substring(i + 1, Math.min(j, source.length()));
                if (c == '"' && CYRILLIC.matcher(literal).find()) {
                    texts.add(new Text(name + ":" + line, prose(literal)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return texts;
    }

    /** A line without what is code: spans in backticks, HTML comments, link targets. */
    static String prose(String line) {
        String text = HTML_COMMENT.matcher(line).replaceAll(" ");
        text = LINK_TARGET.matcher(text).replaceAll("] ");
        // A code span becomes a bare backtick, so that a word placed before it can still be seen to name it.
        return CODE_SPAN.matcher(text).replaceAll("`");
    }

    static List<String> violations(List<Rule> rules, List<Text> texts) {
        List<String> found = new ArrayList<>();
        for (Text text : texts) {
            for (Rule rule : rules) {
                Matcher m = rule.pattern().matcher(text.prose());
                while (m.find()) {
                    found.add(String.format("%s: «%s» (rules out %s; use: %s)", text.where(), m.group(),
                            rule.variant(), rule.use()));
                }
            }
        }
        return found;
    }

    // -----------------------------------------------------------------------------------------------------------

    private static List<Path> files() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> {
                        for (Path part : ROOT.relativize(path)) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        String name = path.getFileName().toString();
                        return name.endsWith(".md") || name.endsWith(".java") || name.endsWith("_ru.properties")
                                || ROOT.relativize(path).toString().equals("exercise");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text) {
        return (int) text.chars().filter(ch -> ch == '\n').count();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
