package onetomany.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.db.DatabaseKind;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report in Russian ({@code -Dlang=ru} or a Russian locale): from a short run on H2 (or {@code -Ddb}), the
 * terminal, the page and the Markdown file hold no English sentence (no run of three English words) outside code,
 * SQL, names and the raw values of the environment; the page is the English page with other words; and the same
 * check finds the English of the English report, so that it cannot pass by looking at nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RussianReportTest {

    /** A short rule: a few calls per cell (times are reported, never asserted). */
    private static final SteadyState.Rule SHORT = new SteadyState.Rule(4, 2, 0.5, 1_000_000L, 0,
            20_000_000L, 3, 8, 0.5, 10_000_000L);

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private ComparisonResult result;
    /** The pages of one database and of three (one that ran, one whose server did not answer, one that broke). */
    private Report single;
    private Report several;

    @BeforeAll
    void runTheComparisonInRussian() {
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            result = ComparisonRunner.run(new ComparisonRunner.Settings(3, 3, SHORT, List.of(1, 10)),
                    DatabaseKind.fromSwitch(System.getProperty("db")), out, Texts.RUSSIAN);
        }
        single = Report.of(result);
        // A wrong count, so that the failures and the marked cell are rendered too.
        Cell right = result.cell(Library.ALL.get(1), Operation.ADD_POST);
        Cell wrong = new Cell(right.library(), right.operation(), right.expectedStatements(),
                right.statements() + 1, false, right.rows(), right.firstCallNanos(), right.timing(), right.sql());
        List<Cell> cells = new ArrayList<>(result.cells());
        cells.set(cells.indexOf(right), wrong);
        ComparisonResult postgres = new ComparisonResult(DatabaseKind.POSTGRES, result.environment(),
                result.settings(), false, result.startups(), result.seedScript(), cells, result.series(),
                result.ownCells());
        several = new Report(List.of(Report.Run.of(result), Report.Run.of(postgres),
                Report.Run.unavailable(DatabaseKind.MARIADB, "MariaDB is not reachable at jdbc:mariadb://x")));
    }

    @Test
    void the_russian_page_has_no_english_sentence_outside_code_sql_and_names() {
        for (Report report : List.of(single, several)) {
            String html = HtmlReport.render(report, Texts.RUSSIAN);

            assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"ru\">");
            assertThat(EnglishProse.runs(rawValuesRemoved(visibleProse(html)), 3)).as("English in the Russian page")
                    .isEmpty();
        }
        assertThat(HtmlReport.render(several, Texts.RUSSIAN)).contains("id=\"failures\"",
                "MyBatis addPost: запросов " + (result.cell(Library.ALL.get(1), Operation.ADD_POST).statements() + 1),
                "Не запускалась: <code>MariaDB is not reachable");
    }

    @Test
    void the_russian_terminal_has_no_english_sentence_outside_the_sql_and_the_seed_script_code() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            TerminalReport.print(single, out, Texts.RUSSIAN);
            TerminalReport.print(several, out, Texts.RUSSIAN);
        }
        String printed = progress.toString(StandardCharsets.UTF_8) + buffer.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("↳ findAllUsersWithPostsByMultiset (свой способ jOOQ, не контракт)",
                "↳ save(aggregate) (свой способ Spring Data JDBC, не контракт)", "id постов ",
                "Все операции рядом.", "Холодный старт", "== Hibernate ORM (module-jpa), ",
                "Alice сохранена, её id ", "> First Post", "-- выполнен 3 раза:", "запуск и первые вызовы");
        assertThat(EnglishProse.runs(rawValuesRemoved(sqlRemoved(printed)), 3)).as("English in the Russian terminal")
                .isEmpty();
    }

    @Test
    void the_russian_markdown_has_no_english_sentence_outside_code_and_sql(@TempDir Path dir) throws IOException {
        List<Path> files = Comparison.write(several, dir, Texts.RUSSIAN);
        String md = Files.readString(files.get(0), StandardCharsets.UTF_8);

        assertThat(md).startsWith("# Один-ко-многим").contains("## Все операции", "| Операция |");
        String prose = md.replaceAll("(?s)```sql\n.*?```", " ").replaceAll("`[^`\n]*`", " ");
        assertThat(EnglishProse.runs(rawValuesRemoved(prose), 3)).as("English in the Russian Markdown").isEmpty();
    }

    @Test
    void the_check_finds_the_english_of_the_english_report() {
        String html = HtmlReport.render(several, Texts.ENGLISH);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            TerminalReport.print(single, out, Texts.ENGLISH);
        }

        assertThat(String.join("\n", EnglishProse.runs(rawValuesRemoved(visibleProse(html)), 3))).contains(
                "This run broke the contract:", "The seed script", "The medians of the table above;",
                "statements on every database");
        assertThat(String.join("\n", EnglishProse.runs(rawValuesRemoved(sqlRemoved(
                buffer.toString(StandardCharsets.UTF_8))), 3)))
                .contains("Every operation, side by side.", "Steady-state time per call.");
    }

    @Test
    void the_russian_page_is_the_english_page_with_other_words() {
        for (Report report : List.of(single, several)) {
            String english = HtmlReport.render(report, Texts.ENGLISH);
            String russian = HtmlReport.render(report, Texts.RUSSIAN);

            // The one difference: the Russian page sets a server's English message apart as code.
            assertThat(skeleton(russian).replace("unavailable\"><code></code></p>", "unavailable\"></p>"))
                    .isEqualTo(skeleton(english).replace("<html lang=\"en\">", "<html lang=\"ru\">"));
        }
    }

    /** The page's tags and attributes, without the text between them. */
    private static String skeleton(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", "<style>").replaceAll(">[^<]+<", "><");
    }

    /** The page's text as a reader sees it, without code, SQL and styles, one line per element. */
    private static String visibleProse(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", "\n")
                .replaceAll("(?s)<pre>.*?</pre>", "\n")
                .replaceAll("(?s)<code>.*?</code>", " ")
                .replaceAll("<br>|</?(p|li|h[1-6]|td|th|dt|dd|title|text|div|section|ul|tr|table|nav|strong|span)"
                        + "\\b[^>]*>", "\n")
                .replaceAll("<[^>]+>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Without the SQL each library sent, and the seed script's lines of code (the notes' Python). */
    private String sqlRemoved(String text) {
        List<String> sql = new ArrayList<>();
        for (Texts texts : List.of(Texts.ENGLISH, Texts.RUSSIAN)) {
            result.cells().forEach(cell -> SqlFormatter.blocks(cell.sql(), texts)
                    .forEach(block -> sql.add(block.sql())));
            result.ownCells().forEach(cell -> SqlFormatter.blocks(cell.sql(), texts)
                    .forEach(block -> sql.add(block.sql())));
        }
        result.seedScript().forEach(run -> run.steps().forEach(step -> step.statements()
                .forEach(statement -> sql.add(statement.toString()))));
        sql.add("session.add(alice); session.commit()");
        sql.add("for post in alice.posts: print(post.title)");
        return remove(text, sql.stream());
    }

    /**
     * Without the raw values: the environment's (the JDK's, the system's and the database's own names), the message
     * of a server that did not answer, and the seed script's data (the titles it reads back).
     */
    private String rawValuesRemoved(String text) {
        ComparisonResult.Environment environment = result.environment();
        return remove(text, Stream.of(Stream.of(environment.jdk(), environment.os(), environment.database(),
                        String.join(", ", SeedScript.EXPECTED_TITLES)),
                result.seedScript().stream().map(SeedScript.Run::database),
                several.runs().stream().map(Report.Run::unavailable).filter(why -> why != null),
                // The libraries' names: "Jdbi Spring Data" side by side in a column heading is not a sentence.
                Library.ALL.stream().map(Library::name))
                .flatMap(values -> values));
    }

    private static String remove(String text, Stream<String> parts) {
        String removed = text;
        // Line by line, the longest first, so that no shorter line (`where ue1_0.id=?`) breaks a longer one
        // (`where ue1_0.id=? for no key update of ue1_0;`, PostgreSQL's lock) of another statement.
        for (String line : parts.flatMap(String::lines).map(String::strip).filter(line -> !line.isEmpty()).distinct()
                .sorted((a, b) -> b.length() - a.length()).toList()) {
            removed = removed.replace(line, " ");
        }
        return removed;
    }
}
