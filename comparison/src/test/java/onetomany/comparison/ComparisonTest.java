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
import onetomany.db.DatabaseKind;
import onetomany.db.StatementLog;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import onetomany.operations.OwnWay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the comparison on H2 (or {@code -Ddb}), with a short timing rule (times are reported, never asserted),
 * and checks what it reports: three libraries, every operation, the exact statement counts, the rows, the N+1
 * series, the steady-state, cold and ratio columns, both files, and the page of several databases.
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
        return List.of(budget.createUserWithPosts(3), 1, 1, 2, 2, USERS + 1, 1, 2, 1,
                budget.addPost(), budget.removePost(3), budget.renameUser(), budget.editPost(), budget.deleteUser(3),
                budget.saveUserWithPosts(2, 2, 1, false));
    }

    /**
     * Rows per operation, in {@link Operation} order: a user and 3 posts created; one user with 3 posts found;
     * 4 users + 12 posts loaded (or 12 posts + their 4 authors; a page of 20 holds every user); 12 post summaries,
     * one object each; a post and the user's version written by adding,
     * removing or editing a post, the user's row by renaming him; a user and 3 posts deleted; the save of a draft:
     * 2 posts inserted, 2 updated, 1 deleted, and the user's version.
     */
    private static final List<Integer> ROWS = List.of(4, 4, 16, 16, 16, 16, 16, 16, 12, 2, 2, 1, 2, 4, 6);

    /** A short rule: a few calls per cell, whatever their times (which are reported, never asserted). */
    private static final SteadyState.Rule SHORT = new SteadyState.Rule(4, 2, 0.5, 1_000_000L, 0,
            20_000_000L, 3, 8, 0.5, 10_000_000L);

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private ComparisonResult result;

    @BeforeAll
    void runTheComparison() {
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            result = ComparisonRunner.run(new ComparisonRunner.Settings(USERS, 3, SHORT, SERIES_USERS),
                    DatabaseKind.fromSwitch(System.getProperty("db")), out);
        }
    }

    @Test
    void every_library_runs_every_operation_and_nothing_breaks_the_contract() {
        assertThat(result.failures()).isEmpty();
        assertThat(result.cells()).hasSize(Library.ALL.size() * Operation.values().length);
        assertThat(result.cells()).extracting(cell -> cell.library().name()).containsOnly(
                Library.ALL.stream().map(Library::name).toArray(String[]::new));
        assertThat(result.seedScript()).allMatch(SeedScript.Run::titlesReadBack);
        assertThat(result.environment().libraries()).hasSize(Library.ALL.size()).allSatisfy(version ->
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
                assertThat(cell.firstCallNanos()).isPositive();
                assertThat(cell.timing().measured().count()).isBetween(SHORT.minMeasured(), SHORT.maxMeasured());
                assertThat(cell.timing().calls()).isEqualTo(cell.timing().warmupCalls()
                        + cell.timing().measured().count());
                assertThat(result.ratioToFastest(cell)).isGreaterThanOrEqualTo(1.0);
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
        List<Path> files = Comparison.write(Report.of(result), dir);
        String md = Files.readString(files.get(0));

        assertThat(files.get(0).getFileName()).hasToString("comparison.md");
        assertThat(md).contains("| Operation | " + String.join(" | ", Library.ALL.stream().map(Library::name).toList())
                + " |");
        for (Operation operation : Operation.values()) {
            assertThat(md).contains("| `%s` | %s |".formatted(operation.title(),
                    String.join(" | ", result.row(operation).stream().map(Formats::cell).toList())));
        }
        // Objects for a read, table rows for a write: named apart.
        assertThat(md).contains("| `findAllUsersWithPosts(NAIVE)` | 5 stmts · 16 objects | 5 stmts · 16 objects | ",
                "| `addPost` | ", " · 2 rows |");
        assertThat(md).doesNotContain("16 rows", "JMH row");
        for (Operation operation : Operation.values()) {
            List<Cell> row = result.row(operation);
            assertThat(md).contains("| `%s` | %s | %s |".formatted(operation.title(),
                    String.join(" | ", row.stream().map(cell -> Formats.timeCell(result, cell)).toList()),
                    String.join(" · ", row.stream().map(Formats::calls).toList())));
            assertThat(md).contains("| `%s`, first call | %s |".formatted(operation.title(),
                    String.join(" | ", row.stream().map(cell -> Formats.duration(cell.firstCallNanos())).toList())));
        }
        for (Operation operation : Operation.values()) {
            assertThat(md).contains("| `" + operation.title() + "` |", "### `" + operation.title() + "`");
        }
        for (Library library : Library.ALL) {
            assertThat(md).contains("| " + library.name() + " | `NAIVE` | 2 | 11 | 51 | 101 | 201 |");
            assertThat(md).contains("**" + library.name() + "**: 2 stmts\n\n```sql\nselect");
        }
        assertThat(md).contains("Steady-state times: first every operation of a library is called in turn",
                result.freshJvm() ? "## Cold start" : "## Start-up and first calls (not cold)",
                "| start-up |", "-- sent 4 times:", "**Load average**: ");
    }

    @Test
    void the_html_report_is_standalone_with_the_table_both_charts_and_the_sql_side_by_side(@TempDir Path dir)
            throws IOException {
        String html = Files.readString(Comparison.write(Report.of(result), dir).get(1));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table id=\"operations-table\">",
                "<table id=\"times-table\">", "<table id=\"cold-table\">");
        assertThat(count(html, "<tr data-operation=")).isEqualTo(Operation.values().length);
        assertThat(count(html, "<tr data-timed-operation=")).isEqualTo(Operation.values().length);
        assertThat(count(html, "<tr data-first-call=")).isEqualTo(Operation.values().length);
        assertThat(count(html, "<tr data-startup=")).isEqualTo(1);
        assertThat(count(html, "<span class=\"ratio\">")).isEqualTo(Library.ALL.size() * Operation.values().length);
        assertThat(count(html, "<span class=\"ratio\">1.00×</span>")).isGreaterThanOrEqualTo(
                Operation.values().length);
        assertThat(html).doesNotContain("<nav", "class=\"database\"");
        assertThat(count(html, "<svg ")).isEqualTo(Library.ALL.size() + 1);
        assertThat(count(html, "<polyline ")).isEqualTo(Library.ALL.size() * LoadStrategy.values().length);
        assertThat(count(html, "NAIVE, users (N) = 200: 201")).isEqualTo(Library.ALL.size());
        assertThat(count(html, "class=\"sql-grid\"")).isEqualTo(Operation.values().length + ownWays().size());
        assertThat(html).doesNotContain("id=\"failures\"", "<script", "<link", "src=", "href=");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
    }

    @Test
    void the_terminal_shows_a_progress_line_per_step_then_the_table_and_the_sql() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            TerminalReport.print(Report.of(result), out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        String progressLines = progress.toString(StandardCharsets.UTF_8);

        int steps = Library.ALL.size() * (2 + Operation.values().length + SERIES_USERS.size());
        assertThat(progressLines.lines()).hasSize(steps);
        assertThat(progressLines).contains("[%d/%d] %s".formatted(steps, steps, Library.ALL.get(Library.ALL.size() - 1)
                .name()), "NAIVE 201");
        assertThat(printed).containsPattern(Pattern.compile("^Operation +" + String.join(" +", Library.ALL.stream()
                .map(library -> Pattern.quote(library.name())).toList()) + "$", Pattern.MULTILINE));
        for (Operation operation : Operation.values()) {
            List<Cell> row = result.row(operation);
            assertThat(printed).containsPattern(Pattern.compile("^" + Pattern.quote(operation.title()) + " +"
                    + String.join(" +", row.stream().map(cell -> Pattern.quote(Formats.cell(cell))).toList()) + "$",
                    Pattern.MULTILINE));
        }
        for (Operation operation : Operation.values()) {
            List<Cell> row = result.row(operation);
            assertThat(printed).containsPattern(Pattern.compile("^" + Pattern.quote(operation.title()) + " +"
                    + String.join(" +", row.stream().map(cell -> Pattern.quote(Formats.timeCell(result, cell)))
                    .toList()) + "$", Pattern.MULTILINE));
        }
        assertThat(printed).containsPattern(Pattern.compile("^start-up" + " +\\S+ m?s".repeat(Library.ALL.size())
                + "$", Pattern.MULTILINE));
        assertThat(printed).contains("== Hibernate ORM (module-jpa)", "== deleteUser: ", "-- sent 3 times:",
                "delete from posts", "Steady-state time per call.",
                result.freshJvm() ? "Cold start: " : "Start-up and first calls, not cold: ");
        assertThat(printed).doesNotContain("JMH row", "-- as a batch of", "?,?,?,?,?,?");
    }

    @Test
    void the_libraries_own_ways_run_where_the_repository_has_them_with_their_statements_and_the_posts_ids() {
        assertThat(result.ownCells()).extracting(cell -> cell.library().key() + " " + cell.way()).containsExactly(
                "jooq MULTISET", "springdatajdbc WHOLE_AGGREGATE_SAVE");
        assertThat(result.ownCells()).allMatch(ComparisonResult.OwnCell::asExpected);

        ComparisonResult.OwnCell multiset = result.ownCell(Library.of("jooq"), OwnWay.MULTISET).orElseThrow();
        assertThat(multiset.statements()).isEqualTo(1);
        assertThat(multiset.rows()).as("the same users and posts as the join")
                .isEqualTo(result.cell(Library.of("jooq"), Operation.FIND_ALL_JOINED).rows());
        assertThat(multiset.sql().get(0).sql().get(0)).containsIgnoringCase("json")
                .doesNotContainPattern("(?i)\\bjoin\\b");
        assertThat(multiset.postIds()).isEmpty();

        Library springDataJdbc = Library.of("springdatajdbc");
        ComparisonResult.OwnCell save = result.ownCell(springDataJdbc, OwnWay.WHOLE_AGGREGATE_SAVE).orElseThrow();
        StatementBudget budget = result.seedScriptOf(springDataJdbc).orElseThrow().budget();
        assertThat(save.statements()).as("the load, the root's update, the delete, the kept posts, the new ones")
                .isEqualTo(1 + 1 + 1 + 1 + budget.createUserWithPosts(2) - 1);
        assertThat(save.rows()).isEqualTo(result.cell(springDataJdbc, Operation.SAVE_USER_WITH_POSTS).rows());
        assertThat(save.sql()).extracting(executed -> executed.sql().get(0).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", " ")).contains("delete from posts where posts.user_id = ?");
        ComparisonResult.PostIds ids = save.postIds().orElseThrow();
        assertThat(ids.before()).hasSize(3);
        assertThat(ids.kept()).isEqualTo(ids.before().subList(0, 2));
        assertThat(ids.after()).hasSize(4).startsWith(ids.kept().toArray(Long[]::new))
                .doesNotContain(ids.before().get(2));
        assertThat(ids.keptTheirIds()).isTrue();
        assertThat(result.ownWaysBeside(Operation.FIND_ALL_JOINED)).containsExactly(OwnWay.MULTISET);
        assertThat(result.ownWaysBeside(Operation.SAVE_USER_WITH_POSTS)).containsExactly(
                OwnWay.WHOLE_AGGREGATE_SAVE);
        assertThat(result.ownWaysBeside(Operation.FIND_ALL_NAIVE)).isEmpty();
    }

    @Test
    void the_own_ways_are_rows_beside_their_operations_in_the_terminal_the_markdown_and_the_page(@TempDir Path dir)
            throws IOException {
        List<Path> files = Comparison.write(Report.of(result), dir);
        String md = Files.readString(files.get(0));
        String html = Files.readString(files.get(1));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            TerminalReport.print(Report.of(result), out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);

        for (OwnWay way : ownWays()) {
            String owner = result.ownCells().stream().filter(cell -> cell.way() == way).findFirst().orElseThrow()
                    .library().name();
            List<String> cells = Library.ALL.stream().map(library -> result.ownCell(library, way)
                    .map(Formats::cell).orElse("—")).toList();
            assertThat(cells).as("one cell, dashes for the others").filteredOn("—"::equals)
                    .hasSize(Library.ALL.size() - 1);
            String mark = owner + "'s own way, not the contract's";
            // Right after the row of the operation it stands beside.
            String besideRow = "| `%s` | %s |\n".formatted(way.beside().title(), String.join(" | ",
                    result.row(way.beside()).stream().map(Formats::cell).toList()));
            assertThat(md).contains(besideRow + "| ↳ `%s` *(%s)* | %s |\n".formatted(way.title(), mark,
                    String.join(" | ", cells)));
            assertThat(md).contains("### ↳ `%s` *(%s)*: %s".formatted(way.title(), mark, way.description()));
            assertThat(printed).containsPattern(Pattern.compile("^" + Pattern.quote(way.beside().title()) + " .*\n"
                    + Pattern.quote("↳ " + way.title()) + " +" + String.join(" +", cells.stream().map(Pattern::quote)
                    .toList()) + "$", Pattern.MULTILINE));
            assertThat(printed).contains("== ↳ %s (%s): %s".formatted(way.title(), mark, way.description()));
            assertThat(html).contains("<tr class=\"own\" data-own-way=\"" + way.name() + "\"><td>↳ <code>"
                    + way.title() + "</code> <span class=\"own-mark\">" + mark + "</span>");
        }
        assertThat(count(html, "<td class=\"cell none\">—</td>")).isEqualTo(
                ownWays().size() * Library.ALL.size() - result.ownCells().size());
        ComparisonResult.PostIds ids = result.ownCells().stream().flatMap(cell -> cell.postIds().stream())
                .findFirst().orElseThrow();
        String idsNote = "Spring Data JDBC: post ids %s → %s: the 2 posts the draft keeps have their ids still."
                .formatted(ids(ids.before()), ids(ids.after()));
        assertThat(md).contains("- ↳ rows: a library's own way beside", idsNote);
        assertThat(printed.replaceAll("\\s+", " ")).contains(idsNote);
        assertThat(html).contains(idsNote, "<li data-own-note=\"MULTISET\">");
        // Not timed: no own row in the times, the cold start or the chart.
        assertThat(count(html, "<tr data-timed-operation=")).isEqualTo(Operation.values().length);
        assertThat(count(html, "<span class=\"ratio\">")).isEqualTo(Library.ALL.size() * Operation.values().length);
    }

    @Test
    void an_own_way_that_sends_other_statements_or_touches_other_rows_is_a_failure() {
        ComparisonResult.OwnCell right = result.ownCells().get(0);
        ComparisonResult.OwnCell wrong = new ComparisonResult.OwnCell(right.library(), right.way(),
                right.expectedStatements(), right.statements() + 1, true, right.rows() + 1, right.sql(),
                right.postIds());
        List<ComparisonResult.OwnCell> own = new ArrayList<>(result.ownCells());
        own.set(0, wrong);
        ComparisonResult broken = new ComparisonResult(result.kind(), result.environment(), result.settings(),
                result.freshJvm(), result.startups(), result.seedScript(), result.cells(), result.series(), own);
        int rows = result.cell(right.library(), right.way().beside()).rows();

        assertThat(broken.failures()).containsExactly(
                "%s %s (its own way): %d statements, expected %d".formatted(right.library().name(),
                        right.way().title(), right.statements() + 1, right.expectedStatements()),
                "%s %s (its own way): %d objects or rows, where %s has %d".formatted(right.library().name(),
                        right.way().title(), rows + 1, right.way().beside().title(), rows));
        assertThat(HtmlReport.render(Report.of(broken))).contains("id=\"failures\"",
                "<tr class=\"own\" data-own-way=\"" + right.way().name());
        assertThat(Formats.cell(wrong, Texts.ENGLISH)).startsWith("✗ ");
    }

    /** The own ways of this run, in catalogue order. */
    private List<OwnWay> ownWays() {
        return result.ownCells().stream().map(ComparisonResult.OwnCell::way).distinct().toList();
    }

    private static String ids(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    @Test
    void a_count_that_differs_from_the_contract_is_a_failure_shown_in_the_report() {
        Cell right = result.cell(Library.ALL.get(1), Operation.ADD_POST);
        int expected = right.expectedStatements();
        Cell wrong = new Cell(right.library(), right.operation(), expected, expected + 1, true, right.rows(),
                right.firstCallNanos(), right.timing(), right.sql());
        ComparisonResult broken = replace(result, right, wrong);

        assertThat(broken.failures()).containsExactly(
                "MyBatis addPost: %d statements, expected %d".formatted(expected + 1, expected));
        assertThat(HtmlReport.render(Report.of(broken))).contains("id=\"failures\"", "class=\"cell failed\"");
        assertThat(Formats.cell(wrong)).startsWith("✗ %d stmts (expected %d)".formatted(expected + 1, expected));
    }

    // -----------------------------------------------------------------------------------------------------------
    // Several databases in one report (-Ddb=all). Built here from this run, relabelled: the page's structure, the
    // cross-database check and the SQL shown where it differs do not need three servers to be checked.

    @Test
    void db_all_names_the_three_databases_and_the_default_is_h2() {
        assertThat(Comparison.databases("all")).containsExactly(DatabaseKind.H2, DatabaseKind.POSTGRES,
                DatabaseKind.MARIADB);
        assertThat(Comparison.databases(" ALL ")).hasSize(3);
        assertThat(Comparison.databases(null)).containsExactly(DatabaseKind.H2);
        assertThat(Comparison.databases("mariadb")).containsExactly(DatabaseKind.MARIADB);
    }

    @Test
    void the_three_database_page_has_a_part_per_database_the_checked_statements_and_the_sql_where_it_differs(
            @TempDir Path dir) throws IOException {
        ComparisonResult h2 = relabel(result, DatabaseKind.H2, result.freshJvm());
        ComparisonResult postgres = relabel(result, DatabaseKind.POSTGRES, false);
        Cell jdbiJoined = postgres.cell(Library.ALL.get(2), Operation.FIND_ALL_JOINED);
        StatementLog.Executed other = new StatementLog.Executed(List.of("select 1 from users u"), 0);
        postgres = replace(postgres, jdbiJoined, withSql(jdbiJoined, List.of(other)));
        Report report = new Report(List.of(Report.Run.of(h2), Report.Run.of(postgres),
                Report.Run.unavailable(DatabaseKind.MARIADB, "MariaDB is not reachable at jdbc:mariadb://x")));

        List<Path> files = Comparison.write(report, dir);
        String html = Files.readString(files.get(1));
        String md = Files.readString(files.get(0));

        assertThat(report.failures()).isEmpty();
        assertThat(html).contains("<nav id=\"databases\">", "<a href=\"#h2\">H2</a>", "<a href=\"#times-everywhere\">",
                "<a href=\"#postgres\">PostgreSQL</a>", "<a href=\"#mariadb\">MariaDB</a>",
                "<div class=\"database\" id=\"h2\">", "<div class=\"database\" id=\"postgres\">",
                "<div class=\"database\" id=\"mariadb\">", "<table id=\"h2-times-table\">",
                "<table id=\"postgres-times-table\">", "<table id=\"postgres-cold-table\">",
                "<p class=\"unavailable\" id=\"mariadb-unavailable\">Not run: MariaDB is not reachable",
                "<table id=\"times-everywhere-table\">");
        // The second database ran in a JVM where the libraries had run: its part is not headed "Cold start".
        assertThat(count(html, "<p class=\"not-cold\">")).isEqualTo(result.freshJvm() ? 1 : 2);
        assertThat(count(html, "<h2>Start-up and first calls (not cold)</h2>")).isEqualTo(result.freshJvm() ? 1 : 2);
        assertThat(count(html, "<h2>Cold start</h2>")).isEqualTo(result.freshJvm() ? 1 : 0);
        assertThat(html).doesNotContain("Not cold");
        assertThat(count(html, "<tr data-operation=")).isEqualTo(2 * Operation.values().length);
        assertThat(count(html, "<tr class=\"own\" data-own-way=")).as("each database's own rows")
                .isEqualTo(2 * ownWays().size());
        // The statements agree everywhere: one line says so, no row per cell.
        int cells = Library.ALL.size() * Operation.values().length;
        assertThat(html).contains("<p class=\"agree\" id=\"statements-agree\">The same on H2, PostgreSQL in all "
                + cells + " cells").doesNotContain("<table id=\"statements-everywhere-table\">");
        // Each operation's time on each database: a row per operation and library, a column per database.
        assertThat(count(html, "<tr data-timed-everywhere=")).isEqualTo(cells);
        assertThat(html).contains("<th>Operation</th><th>Library</th><th>H2</th><th>PostgreSQL</th></tr>");
        assertThat(md).contains("## Times on every database", "| Operation | Library | H2 | PostgreSQL |",
                "The same on H2, PostgreSQL in all " + cells + " cells");
        assertThat(count(html, "<svg ")).isEqualTo(2 * (Library.ALL.size() + 1));
        // One SQL listing per library and operation, two for the one whose text differs, each form labelled.
        assertThat(count(html, "class=\"sql-grid\"")).isEqualTo(Operation.values().length + ownWays().size());
        assertThat(count(html, "<pre>")).isEqualTo(Library.ALL.size() * Operation.values().length + 1
                + result.ownCells().size());
        assertThat(html).contains("<h3>↳ <code>findAllUsersWithPostsByMultiset</code> <span class=\"own-mark\">"
                + "jOOQ's own way, not the contract's</span>");
        assertThat(count(html, "<p class=\"differs\">")).isEqualTo(2);
        assertThat(html).contains("<p class=\"differs\">on PostgreSQL</p><pre><code>select 1", 
                "<p class=\"same-sql\">the same on H2, PostgreSQL</p>");
        assertThat(html.replaceAll("href=\"#[a-z0-9-]+\"", "")).doesNotContain("href=", "src=", "<script");
        assertThat(md).contains("[PostgreSQL](#postgres)", "<a id=\"mariadb\"></a>", "Not run: MariaDB",
                "## Statements on every database", "*on PostgreSQL*");
    }

    @Test
    void statements_that_differ_between_databases_are_a_failure() {
        Cell right = result.cell(Library.ALL.get(0), Operation.RENAME_USER);
        StatementLog.Executed extra = new StatementLog.Executed(List.of("select 1"), 0);
        List<StatementLog.Executed> sql = new ArrayList<>(right.sql());
        sql.add(extra);
        Cell more = new Cell(right.library(), right.operation(), right.expectedStatements() + 1, sql.size(), true,
                right.rows(), right.firstCallNanos(), right.timing(), sql);
        ComparisonResult mariadb = replace(relabel(result, DatabaseKind.MARIADB, false), right, more);
        Report report = new Report(List.of(Report.Run.of(relabel(result, DatabaseKind.H2, true)),
                Report.Run.of(mariadb)));

        assertThat(report.failures()).containsExactly("Hibernate ORM renameUser: the statements differ between "
                + "databases: H2 %d, MariaDB %d".formatted(right.statements(), right.statements() + 1));
        assertThat(report.differingStatements()).containsExactly(new Report.Place(Operation.RENAME_USER,
                Library.ALL.get(0)));
        // Only the cell that differs is listed; the others are counted in one line.
        String html = HtmlReport.render(report);
        assertThat(html).contains("id=\"failures\"", "<td class=\"cell failed\">H2 ",
                "Different on H2, MariaDB, a failure of the run, in the cells below; the other "
                        + (Library.ALL.size() * Operation.values().length - 1) + " cells agree.")
                .doesNotContain("id=\"statements-agree\"");
        assertThat(count(html, "<tr data-differing-operation=")).isEqualTo(1);
    }

    @Test
    void a_server_that_does_not_answer_is_not_a_failure_but_a_run_that_breaks_on_the_way_is() {
        Report missing = new Report(List.of(Report.Run.of(relabel(result, DatabaseKind.H2, true)),
                Report.Run.unavailable(DatabaseKind.POSTGRES, "PostgreSQL is not reachable at jdbc:postgresql://x")));
        Report broken = new Report(List.of(Report.Run.of(relabel(result, DatabaseKind.H2, true)),
                Report.Run.broken(DatabaseKind.POSTGRES, "the run failed: the database system is shutting down")));

        assertThat(missing.failures()).isEmpty();
        assertThat(HtmlReport.render(missing)).contains("Not run: PostgreSQL is not reachable")
                .doesNotContain("id=\"failures\"");
        assertThat(broken.failures()).containsExactly(
                "PostgreSQL: the run failed: the database system is shutting down");
        assertThat(HtmlReport.render(broken)).contains("id=\"failures\"", "id=\"postgres-unavailable\"");
    }

    private static ComparisonResult relabel(ComparisonResult result, DatabaseKind kind, boolean freshJvm) {
        return new ComparisonResult(kind, result.environment(), result.settings(), freshJvm, result.startups(),
                result.seedScript(), result.cells(), result.series(), result.ownCells());
    }

    private static ComparisonResult replace(ComparisonResult result, Cell old, Cell replacement) {
        List<Cell> cells = new ArrayList<>(result.cells());
        cells.set(cells.indexOf(cells.stream().filter(c -> c.library().equals(old.library())
                && c.operation() == old.operation()).findFirst().orElseThrow()), replacement);
        return new ComparisonResult(result.kind(), result.environment(), result.settings(), result.freshJvm(),
                result.startups(), result.seedScript(), cells, result.series(), result.ownCells());
    }

    private static Cell withSql(Cell cell, List<StatementLog.Executed> sql) {
        return new Cell(cell.library(), cell.operation(), cell.expectedStatements(), cell.statements(),
                cell.consistent(), cell.rows(), cell.firstCallNanos(), cell.timing(), sql);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
