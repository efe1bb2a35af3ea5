package onetomany.comparison;

import java.util.List;
import java.util.Map;

import onetomany.comparison.Charts.BarChart;
import onetomany.comparison.Charts.LineChart;
import onetomany.comparison.Charts.Series;
import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;

import static onetomany.comparison.Svg.escape;

/**
 * The report as one standalone HTML page ({@code comparison.html}): styles inline, charts as inline SVG, no
 * script, nothing fetched from the network.
 */
final class HtmlReport {

    /** One colour per load strategy, the N+1 one red. */
    private static final Map<LoadStrategy, String> STRATEGY_COLORS = Map.of(
            LoadStrategy.JOINED, "#1f6fb4", LoadStrategy.SELECT_IN, "#2a9d3a", LoadStrategy.SUBQUERY, "#e08a00",
            LoadStrategy.NAIVE, "#d62728");

    /** One colour per library, in {@link Library#ALL} order. */
    private static final List<String> LIBRARY_COLORS = List.of("#b5651d", "#7b3fb0", "#1b8a9a");

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; color: #222; margin: 0; background: #fafafa; }
            main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
            h1 { font-size: 26px; margin: 0 0 6px; }
            h2 { font-size: 20px; margin: 34px 0 10px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            h3 { font-size: 16px; margin: 24px 0 8px; }
            h3 code { font-size: 15px; }
            p, li, dd, dt { line-height: 1.45; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
            dt { font-weight: 600; }
            dd { margin: 0; }
            table { border-collapse: collapse; background: #fff; }
            th, td { border: 1px solid #ccc; padding: 5px 10px; text-align: left; vertical-align: top; }
            th { background: #eef1f4; }
            td.cell { font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.failed { background: #fde2e2; color: #a00; font-weight: 600; }
            .note { color: #555; font-size: 14px; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; }
            .chart { background: #fff; border: 1px solid #ddd; padding: 6px; }
            .sql-grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; }
            .sql-grid > div { background: #fff; border: 1px solid #ddd; padding: 8px 10px; min-width: 0; }
            .sql-grid h4 { margin: 0 0 6px; font-size: 14px; }
            pre { margin: 0; white-space: pre-wrap; word-break: break-word; font-size: 12px; line-height: 1.35; }
            pre .repeat { color: #a00; font-weight: 600; }
            .failures { background: #fde2e2; border: 1px solid #e99; padding: 8px 14px; }
            """;

    private HtmlReport() {
    }

    static String render(ComparisonResult result) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>One-to-many: Hibernate ORM, MyBatis and Jdbi side by side</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>One-to-many: Hibernate ORM, MyBatis and Jdbi side by side</h1>\n")
                .append("<p class=\"note\">Written by <code>./mvnw -q -pl comparison -am compile exec:java</code>. ")
                .append("Every statement was counted by the same JDBC proxy the contract suite uses.</p>\n");
        List<String> failures = result.failures();
        if (!failures.isEmpty()) {
            html.append("<div class=\"failures\" id=\"failures\"><strong>This run broke the contract:</strong><ul>");
            failures.forEach(f -> html.append("<li>").append(escape(f)).append("</li>"));
            html.append("</ul></div>\n");
        }
        environment(result, html);
        seedScript(result, html);
        operations(result, html);
        seriesCharts(result, html);
        timeChart(result, html);
        sql(result, html);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void environment(ComparisonResult result, StringBuilder html) {
        html.append("<section id=\"environment\">\n<h2>Environment</h2>\n<dl>\n");
        Legend.environment(result.environment()).forEach(pair -> html.append("<dt>").append(escape(pair[0]))
                .append("</dt><dd>").append(escape(pair[1])).append("</dd>\n"));
        html.append("</dl>\n</section>\n");
    }

    private static void seedScript(ComparisonResult result, StringBuilder html) {
        html.append("<section id=\"seed-script\">\n<h2>The seed script</h2>\n<p>Alice with “First Post” and ")
                .append("“Second Post”, saved by saving Alice alone, then her posts' titles from the saved object ")
                .append("and read back.</p>\n<table>\n<tr><th>Library</th><th>Statements (save + walk + read back)")
                .append("</th><th>Titles read back</th></tr>\n");
        for (SeedScript.Run run : result.seedScript()) {
            html.append("<tr><td>").append(escape(run.library().name())).append("</td><td>")
                    .append(run.statementsPerStep()).append("</td><td>")
                    .append(run.titlesReadBack() ? escape(String.join(", ", SeedScript.EXPECTED_TITLES)) : "✗ no")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void operations(ComparisonResult result, StringBuilder html) {
        html.append("<section id=\"operations\">\n<h2>Every operation</h2>\n<p>")
                .append(escape(Legend.scenario(result.settings()))).append(' ').append(escape(Legend.CELL))
                .append("</p>\n<table id=\"operations-table\">\n<tr><th>Operation</th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append("<tr data-operation=\"").append(operation.name()).append("\"><td><code>")
                    .append(escape(operation.title())).append("</code><br><span class=\"note\">")
                    .append(escape(operation.description())).append("</span></td>");
            for (Cell cell : result.row(operation)) {
                html.append("<td class=\"cell").append(cell.asExpected() ? "" : " failed").append("\">")
                        .append(escape(Formats.cell(cell))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<ul class=\"note\">\n<li>").append(escape(Legend.STATEMENTS)).append("</li>\n<li>")
                .append(escape(Legend.ROWS)).append("</li>\n<li>")
                .append(escape(Legend.times(result.settings(), result.environment()))).append("</li>\n</ul>\n")
                .append("</section>\n");
    }

    private static void seriesCharts(ComparisonResult result, StringBuilder html) {
        html.append("<section id=\"statements-chart\">\n<h2>Statements versus users</h2>\n<p>")
                .append("<code>findAllUsersWithPosts</code> on N users with ").append(result.settings().postsPerUser())
                .append(" posts each: <code>JOINED</code> stays at 1, <code>SUBQUERY</code> at 2, ")
                .append("<code>SELECT_IN</code> at 2 up to 500 users (1 + one per 500), ")
                .append("<code>NAIVE</code> grows as N + 1.</p>\n<div class=\"charts\">\n");
        for (Library library : Library.ALL) {
            List<Series> lines = ComparisonRunner.STRATEGIES.stream()
                    .map(strategy -> new Series(strategy.name(), STRATEGY_COLORS.get(strategy),
                            result.seriesOf(library, strategy).stream().map(Integer::doubleValue).toList()))
                    .toList();
            LineChart chart = new LineChart(library.name(), "users (N)", "statements",
                    result.settings().seriesUsers(), lines);
            html.append("<div class=\"chart\">").append(chart.render(370, 290)).append("</div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void timeChart(ComparisonResult result, StringBuilder html) {
        List<Series> bars = Library.ALL.stream()
                .map(library -> new Series(library.name(), LIBRARY_COLORS.get(Library.ALL.indexOf(library)),
                        List.of(Operation.values()).stream()
                                .map(operation -> result.cell(library, operation).medianNanos() / 1_000_000.0)
                                .toList()))
                .toList();
        BarChart chart = new BarChart("Median time per operation (indicative)", "milliseconds",
                List.of(Operation.values()).stream().map(Operation::title).toList(), bars);
        html.append("<section id=\"time-chart\">\n<h2>Median times</h2>\n<p class=\"note\">")
                .append(escape(Legend.times(result.settings(), result.environment())))
                .append("</p>\n<div class=\"chart\">").append(chart.render(1000)).append("</div>\n</section>\n");
    }

    private static void sql(ComparisonResult result, StringBuilder html) {
        html.append("<section id=\"sql\">\n<h2>The SQL, per operation</h2>\n<p class=\"note\">As each library ")
                .append("sent it, laid out one clause per line; <code>?</code> are bound parameters.</p>\n");
        for (Operation operation : Operation.values()) {
            html.append("<h3><code>").append(escape(operation.title())).append("</code>: ")
                    .append(escape(operation.description())).append("</h3>\n<div class=\"sql-grid\">\n");
            for (Cell cell : result.row(operation)) {
                html.append("<div><h4>").append(escape(cell.library().name())).append(" · ")
                        .append(Formats.statements(cell.statements())).append("</h4><pre><code>");
                List<SqlFormatter.Block> blocks = SqlFormatter.blocks(cell.sql());
                for (int i = 0; i < blocks.size(); i++) {
                    SqlFormatter.Block block = blocks.get(i);
                    if (i > 0) {
                        html.append("\n\n");
                    }
                    if (block.times() > 1) {
                        html.append("<span class=\"repeat\">-- sent ").append(block.times())
                                .append(" times:</span>\n");
                    }
                    html.append(escape(block.sql()));
                }
                html.append("</code></pre></div>\n");
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }
}
