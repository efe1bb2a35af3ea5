package onetomany.comparison;

import java.util.List;
import java.util.Map;

import onetomany.comparison.Charts.BarChart;
import onetomany.comparison.Charts.LineChart;
import onetomany.comparison.Charts.Series;
import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;
import onetomany.libraries.Library;

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
            td.time .ratio { color: #222; font-size: 12px; font-weight: 600; }
            td.time .calls { color: #666; font-size: 11px; margin-left: 6px; }
            td.fastest { background: #e8f5e9; }
            td.jmh { font-size: 12px; color: #444; max-width: 190px; }
            nav#databases { position: sticky; top: 0; background: #fafafa; padding: 8px 0;
                            border-bottom: 1px solid #ddd; }
            nav#databases a { margin: 0 6px; }
            h2.database { font-size: 24px; margin-top: 48px; border-bottom: 3px solid #1f6fb4; }
            p.differs { margin: 6px 0 2px; font-weight: 600; color: #a00; font-size: 13px; }
            p.same-sql { margin: 0 0 4px; color: #555; font-size: 13px; }
            p.not-cold { background: #fff4d6; border: 1px solid #e0c070; padding: 6px 12px; font-size: 14px; }
            p.unavailable { background: #fff4d6; border: 1px solid #e0c070; padding: 8px 14px; }
            """;

    private HtmlReport() {
    }

    static String render(Report report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>One-to-many: Hibernate ORM, MyBatis and Jdbi side by side</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>One-to-many: Hibernate ORM, MyBatis and Jdbi side by side</h1>\n")
                .append("<p class=\"note\">Written by <code>./mvnw -q -pl comparison -am compile exec:java")
                .append(report.single() ? "" : " -Ddb=all").append("</code>. ")
                .append("Every statement was counted by the same JDBC proxy the contract suite uses.</p>\n");
        List<String> failures = report.failures();
        if (!failures.isEmpty()) {
            html.append("<div class=\"failures\" id=\"failures\"><strong>This run broke the contract:</strong><ul>");
            failures.forEach(f -> html.append("<li>").append(escape(f)).append("</li>"));
            html.append("</ul></div>\n");
        }
        if (!report.single()) {
            // Switching database is following a link within the page: no script.
            html.append("<nav id=\"databases\"><strong>Database:</strong>");
            report.runs().forEach(run -> html.append(" <a href=\"#").append(run.id()).append("\">")
                    .append(escape(run.kind().displayName())).append("</a>"));
            html.append(" · <a href=\"#statements-everywhere\">statements on every database</a>")
                    .append(" · <a href=\"#sql\">the SQL</a></nav>\n");
        }
        for (Report.Run run : report.runs()) {
            String prefix = report.single() ? "" : run.id() + "-";
            if (!report.single()) {
                html.append("<div class=\"database\" id=\"").append(run.id()).append("\">\n<h2 class=\"database\">")
                        .append(escape(run.kind().displayName())).append("</h2>\n");
            }
            if (run.result().isEmpty()) {
                html.append("<p class=\"unavailable\" id=\"").append(prefix).append("unavailable\">Not run: ")
                        .append(escape(run.unavailable())).append("</p>\n");
            } else {
                ComparisonResult result = run.result().get();
                environment(result, prefix, html);
                seedScript(result, prefix, html);
                operations(result, prefix, html);
                times(result, prefix, html);
                cold(result, prefix, html);
                seriesCharts(result, prefix, html);
                timeChart(result, prefix, html);
            }
            if (!report.single()) {
                html.append("</div>\n");
            }
        }
        if (!report.single() && !report.results().isEmpty()) {
            statementsEverywhere(report, html);
        }
        sql(report, html);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void environment(ComparisonResult result, String prefix, StringBuilder html) {
        html.append("<section id=\"").append(prefix).append("environment\">\n<h2>Environment</h2>\n<dl>\n");
        Legend.environment(result.environment()).forEach(pair -> html.append("<dt>").append(escape(pair[0]))
                .append("</dt><dd>").append(escape(pair[1])).append("</dd>\n"));
        html.append("</dl>\n</section>\n");
    }

    private static void seedScript(ComparisonResult result, String prefix, StringBuilder html) {
        html.append("<section id=\"").append(prefix).append("seed-script\">\n<h2>The seed script</h2>\n<p>")
                .append("Alice with “First Post” and “Second Post”, saved by saving Alice alone, then her posts' ")
                .append("titles from the saved object and read back.</p>\n<table>\n<tr><th>Library</th>")
                .append("<th>Statements (save + walk + read back)</th><th>Titles read back</th></tr>\n");
        for (SeedScript.Run run : result.seedScript()) {
            html.append("<tr><td>").append(escape(run.library().name())).append("</td><td>")
                    .append(run.statementsPerStep()).append("</td><td>")
                    .append(run.titlesReadBack() ? escape(String.join(", ", SeedScript.EXPECTED_TITLES)) : "✗ no")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void operations(ComparisonResult result, String prefix, StringBuilder html) {
        html.append("<section id=\"").append(prefix).append("operations\">\n<h2>Every operation</h2>\n<p>")
                .append(escape(Legend.scenario(result.settings()))).append(' ').append(escape(Legend.CELL))
                .append("</p>\n<table id=\"").append(prefix).append("operations-table\">\n<tr><th>Operation</th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append(operationCell(operation));
            for (Cell cell : result.row(operation)) {
                html.append("<td class=\"cell").append(cell.asExpected() ? "" : " failed").append("\">")
                        .append(escape(Formats.cell(cell))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<ul class=\"note\">\n<li>").append(escape(Legend.STATEMENTS)).append("</li>\n<li>")
                .append(escape(Legend.ROWS)).append("</li>\n</ul>\n</section>\n");
    }

    private static String operationCell(Operation operation) {
        return "<tr data-operation=\"" + operation.name() + "\"><td><code>" + escape(operation.title())
                + "</code><br><span class=\"note\">" + escape(operation.description()) + "</span></td>";
    }

    private static void times(ComparisonResult result, String prefix, StringBuilder html) {
        html.append("<section id=\"").append(prefix).append("times\">\n<h2>Steady-state times</h2>\n<p>")
                .append(escape(Legend.TIME_CELL)).append("</p>\n<table id=\"").append(prefix)
                .append("times-table\">\n<tr><th>Operation</th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("<th>JMH row</th></tr>\n");
        for (Operation operation : Operation.values()) {
            html.append(operationCell(operation).replace("<tr data-operation=", "<tr data-timed-operation="));
            for (Cell cell : result.row(operation)) {
                double ratio = result.ratioToFastest(cell);
                html.append("<td class=\"cell time").append(ratio == 1.0 ? " fastest" : "").append("\">")
                        .append(escape(Formats.time(cell))).append("<br><span class=\"ratio\">")
                        .append(escape(Formats.ratio(ratio))).append("</span> <span class=\"calls\">")
                        .append(escape(Formats.calls(cell))).append(" calls</span></td>");
            }
            html.append("<td class=\"jmh\">").append(escape(JmhRows.text(operation))).append("</td></tr>\n");
        }
        html.append("</table>\n<ul class=\"note\">\n<li>")
                .append(escape(Legend.times(result.settings(), result.environment()))).append("</li>\n<li>")
                .append(escape(Legend.JMH)).append("</li>\n</ul>\n</section>\n");
    }

    private static void cold(ComparisonResult result, String prefix, StringBuilder html) {
        html.append("<section id=\"").append(prefix).append("cold\">\n<h2>Cold start</h2>\n")
                .append(result.freshJvm() ? "" : "<p class=\"not-cold\"><strong>" + escape(Legend.NOT_COLD)
                        + "</strong></p>\n").append("<p class=\"note\">").append(escape(Legend.COLD))
                .append("</p>\n<table id=\"").append(prefix)
                .append("cold-table\">\n<tr><th></th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("</tr>\n<tr data-startup=\"\"><td>start-up</td>");
        Library.ALL.forEach(library -> html.append("<td class=\"cell\">")
                .append(escape(Formats.duration(result.startupOf(library).nanos()))).append("</td>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append("<tr data-first-call=\"").append(operation.name()).append("\"><td><code>")
                    .append(escape(operation.title())).append("</code>, first call</td>");
            result.row(operation).forEach(cell -> html.append("<td class=\"cell\">")
                    .append(escape(Formats.duration(cell.firstCallNanos()))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void seriesCharts(ComparisonResult result, String prefix, StringBuilder html) {
        html.append("<section id=\"").append(prefix)
                .append("statements-chart\">\n<h2>Statements versus users</h2>\n<p>")
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

    private static void timeChart(ComparisonResult result, String prefix, StringBuilder html) {
        List<Series> bars = Library.ALL.stream()
                .map(library -> new Series(library.name(), LIBRARY_COLORS.get(Library.ALL.indexOf(library)),
                        List.of(Operation.values()).stream()
                                .map(operation -> result.cell(library, operation).medianNanos() / 1_000_000.0)
                                .toList()))
                .toList();
        BarChart chart = new BarChart("Steady-state median time per call, " + result.kind().displayName(),
                "milliseconds", List.of(Operation.values()).stream().map(Operation::title).toList(), bars);
        html.append("<section id=\"").append(prefix).append("time-chart\">\n<h2>Steady-state medians</h2>\n")
                .append("<p class=\"note\">The medians of the table above; the table has their spread.</p>\n")
                .append("<div class=\"chart\">").append(chart.render(1000)).append("</div>\n</section>\n");
    }

    private static void statementsEverywhere(Report report, StringBuilder html) {
        html.append("<section id=\"statements-everywhere\">\n<h2>Statements on every database</h2>\n<p>The same ")
                .append("in every database, and checked: a difference is a failure of the run.</p>\n")
                .append("<table id=\"statements-everywhere-table\">\n<tr><th>Operation</th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append(operationCell(operation).replace("<tr data-operation=", "<tr data-checked-operation="));
            for (Library library : Library.ALL) {
                boolean same = report.sameStatements(library, operation);
                html.append("<td class=\"cell").append(same ? " same" : " failed").append("\">")
                        .append(escape(report.statementsByDatabase(library, operation))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void sql(Report report, StringBuilder html) {
        if (report.results().isEmpty()) {
            return;
        }
        html.append("<section id=\"sql\">\n<h2>The SQL, per operation</h2>\n<p class=\"note\">As each library ")
                .append("sent it, laid out one clause per line; <code>?</code> are bound parameters.")
                .append(report.single() ? "" : " Once when every database got the same text; otherwise each form, "
                        + "headed by its databases.").append("</p>\n");
        for (Operation operation : Operation.values()) {
            html.append("<h3><code>").append(escape(operation.title())).append("</code>: ")
                    .append(escape(operation.description())).append("</h3>\n<div class=\"sql-grid\">\n");
            for (Library library : Library.ALL) {
                Cell cell = report.results().get(0).cell(library, operation);
                html.append("<div><h4>").append(escape(library.name())).append(" · ")
                        .append(Formats.statements(cell.statements())).append("</h4>");
                List<Report.SqlVariant> variants = report.sql(library, operation);
                for (Report.SqlVariant variant : variants) {
                    if (!report.single()) {
                        html.append("<p class=\"").append(variants.size() == 1 ? "same-sql" : "differs")
                                .append("\">").append(variants.size() == 1 ? "the same on " : "on ")
                                .append(escape(Report.names(variant.databases()))).append("</p>");
                    }
                    html.append("<pre><code>");
                    List<SqlFormatter.Block> blocks = variant.blocks();
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
                    html.append("</code></pre>");
                }
                html.append("</div>\n");
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }
}
