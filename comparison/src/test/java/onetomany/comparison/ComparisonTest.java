package onetomany.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;
import onetomany.contract.StatementBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the comparison on H2, with few runs (times are reported, never asserted), and checks what it reports:
 * three libraries, every operation, the exact statement counts, the rows, the N+1 series, and both files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonTest {

    private static final int USERS = 4;
    private static final List<Integer> SERIES_USERS = List.of(1, 10, 50, 100, 200);

    /**
     * Statements per operation, in {@link Operation} order, for 4 users with 3 posts each: the contract's fixed
     * numbers for reads, the library's own {@link StatementBudget} for writes.
     */
    private static List<Integer> contractStatements(StatementBudget budget) {
        return List.of(budget.createUserWithPosts(3), 1, 1, 2, 2, USERS + 1, 1,
                budget.addPost(), budget.removePost(3), budget.renameUser(), budget.editPost(), budget.deleteUser(3));
    }

    /**
     * Rows per operation, in {@link Operation} order: a user and 3 posts created; one user with 3 posts found;
     * 4 users + 12 posts loaded (or 12 posts + their 4 authors); one row written by each small write; a user and
     * 3 posts deleted.
     */
    private static final List<Integer> ROWS = List.of(4, 4, 16, 16, 16, 16, 16, 1, 1, 1, 1, 4);

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private ComparisonResult result;

    @BeforeAll
    void runTheComparison() {
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            result = ComparisonRunner.run(new ComparisonRunner.Settings(USERS, 3, 1, 3, SERIES_USERS), out);
        }
    }

    @Test
    void every_library_runs_every_operation_and_nothing_breaks_the_contract() {
        assertThat(result.failures()).isEmpty();
        assertThat(result.cells()).hasSize(Library.ALL.size() * Operation.values().length);
        assertThat(result.cells()).extracting(cell -> cell.library().name()).containsOnly(
                "Hibernate ORM", "MyBatis", "Jdbi");
        assertThat(result.seedScript()).allMatch(SeedScript.Run::titlesReadBack);
        assertThat(result.environment().libraries()).hasSize(3).allSatisfy(version ->
                assertThat(version).matches(".* \\d+\\.\\d+.*"));
    }

    @Test
    void each_cell_has_the_exact_statement_count_of_the_contract_and_the_same_rows_in_every_library() {
        for (Library library : Library.ALL) {
            List<Integer> statements = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (Operation operation : Operation.values()) {
                Cell cell = result.cell(library, operation);
                assertThat(cell.asExpected()).as(library.name() + " " + operation.title()).isTrue();
                assertThat(cell.sql()).hasSize(cell.statements());
                assertThat(cell.medianNanos()).isPositive();
                statements.add(cell.statements());
                rows.add(cell.rows());
            }
            StatementBudget budget = result.seedScriptOf(library).orElseThrow().budget();
            assertThat(statements).as(library.name()).isEqualTo(contractStatements(budget));
            assertThat(rows).as(library.name()).isEqualTo(ROWS);
        }
    }

    @Test
    void the_naive_series_is_n_plus_one_and_the_others_stay_flat() {
        List<Integer> nPlusOne = SERIES_USERS.stream().map(n -> n + 1).toList();
        for (Library library : Library.ALL) {
            assertThat(result.seriesOf(library, LoadStrategy.NAIVE)).as(library.name()).isEqualTo(nPlusOne);
            assertThat(result.seriesOf(library, LoadStrategy.JOINED)).as(library.name()).containsOnly(1)
                    .hasSize(SERIES_USERS.size());
            assertThat(result.seriesOf(library, LoadStrategy.SELECT_IN)).as(library.name()).containsOnly(2)
                    .hasSize(SERIES_USERS.size());
            assertThat(result.seriesOf(library, LoadStrategy.SUBQUERY)).as(library.name()).containsOnly(2)
                    .hasSize(SERIES_USERS.size());
        }
    }

    @Test
    void the_markdown_report_has_every_library_every_operation_its_counts_and_the_series(@TempDir Path dir)
            throws IOException {
        List<Path> files = Comparison.write(result, dir);
        String md = Files.readString(files.get(0));

        assertThat(files.get(0).getFileName()).hasToString("comparison.md");
        assertThat(md).contains("| Operation | Hibernate ORM | MyBatis | Jdbi |");
        for (Operation operation : Operation.values()) {
            assertThat(md).contains("| `%s` | %s | %s | %s |".formatted(operation.title(),
                    Formats.cell(result.row(operation).get(0)), Formats.cell(result.row(operation).get(1)),
                    Formats.cell(result.row(operation).get(2))));
        }
        assertThat(md).contains("| `findAllUsersWithPosts(NAIVE)` | 5 stmts · 16 rows · ");
        for (Operation operation : Operation.values()) {
            assertThat(md).contains("| `" + operation.title() + "` |", "### `" + operation.title() + "`");
        }
        for (Library library : Library.ALL) {
            assertThat(md).contains("| " + library.name() + " | `NAIVE` | 2 | 11 | 51 | 101 | 201 |");
            assertThat(md).contains("**" + library.name() + "**: 2 stmts\n\n```sql\nselect");
        }
        assertThat(md).contains("Times are indicative", "-- sent 4 times:");
    }

    @Test
    void the_html_report_is_standalone_with_the_table_both_charts_and_the_sql_side_by_side(@TempDir Path dir)
            throws IOException {
        String html = Files.readString(Comparison.write(result, dir).get(1));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table id=\"operations-table\">");
        assertThat(count(html, "<tr data-operation=")).isEqualTo(Operation.values().length);
        assertThat(count(html, "<svg ")).isEqualTo(Library.ALL.size() + 1);
        assertThat(count(html, "<polyline ")).isEqualTo(Library.ALL.size() * LoadStrategy.values().length);
        assertThat(count(html, "NAIVE, users (N) = 200: 201")).isEqualTo(Library.ALL.size());
        assertThat(count(html, "class=\"sql-grid\"")).isEqualTo(Operation.values().length);
        assertThat(html).doesNotContain("id=\"failures\"", "<script", "<link", "src=", "href=");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
    }

    @Test
    void the_terminal_shows_a_progress_line_per_step_then_the_table_and_the_sql() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            TerminalReport.print(result, out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        String progressLines = progress.toString(StandardCharsets.UTF_8);

        assertThat(progressLines.lines()).hasSize(3 * (2 + Operation.values().length + SERIES_USERS.size()));
        assertThat(progressLines).contains("[57/57] Jdbi", "NAIVE 201");
        assertThat(printed).containsPattern(Pattern.compile("^Operation +Hibernate ORM +MyBatis +Jdbi$",
                Pattern.MULTILINE));
        for (Operation operation : Operation.values()) {
            List<Cell> row = result.row(operation);
            assertThat(printed).containsPattern(Pattern.compile("^%s +%s +%s +%s$".formatted(
                    Pattern.quote(operation.title()), Pattern.quote(Formats.cell(row.get(0))),
                    Pattern.quote(Formats.cell(row.get(1))), Pattern.quote(Formats.cell(row.get(2)))),
                    Pattern.MULTILINE));
        }
        assertThat(printed).contains("== Hibernate ORM (module-jpa)", "== deleteUser: ", "-- sent 3 times:",
                "delete from posts");
    }

    @Test
    void a_count_that_differs_from_the_contract_is_a_failure_shown_in_the_report() {
        Cell right = result.cell(Library.ALL.get(1), Operation.ADD_POST);
        int expected = right.expectedStatements();
        Cell wrong = new Cell(right.library(), right.operation(), expected, expected + 1, true, right.rows(),
                right.medianNanos(), right.sql());
        List<Cell> cells = new ArrayList<>(result.cells());
        cells.set(cells.indexOf(right), wrong);
        ComparisonResult broken = new ComparisonResult(result.environment(), result.settings(), result.seedScript(),
                cells, result.series());

        assertThat(broken.failures()).containsExactly(
                "MyBatis addPost: %d statements, expected %d".formatted(expected + 1, expected));
        assertThat(HtmlReport.render(broken)).contains("id=\"failures\"", "class=\"cell failed\"");
        assertThat(Formats.cell(wrong)).startsWith("✗ %d stmts (expected %d)".formatted(expected + 1, expected));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
