package onetomany.comparison;

import java.util.List;
import java.util.Map;

import onetomany.comparison.Charts.BarChart;
import onetomany.comparison.Charts.LineChart;
import onetomany.comparison.Charts.Series;
import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;
import onetomany.libraries.Library;
import onetomany.operations.Operation;

import static onetomany.comparison.Svg.escape;

/**
 * The report as one standalone HTML page ({@code comparison.html}): styles inline, charts as inline SVG, no
 * script, nothing fetched from the network; in the language of its {@link Texts} (English by default), which the
 * page's {@code lang} attribute names.
 */
final class HtmlReport {

    /** One colour per load strategy, the N+1 one red. */
    private static final Map<LoadStrategy, String> STRATEGY_COLORS = Map.of(
            LoadStrategy.JOINED, "#1f6fb4", LoadStrategy.SELECT_IN, "#2a9d3a", LoadStrategy.SUBQUERY, "#e08a00",
            LoadStrategy.NAIVE, "#d62728");

    /** One colour per library, in {@link Library#ALL} order. */
    private static final List<String> LIBRARY_COLORS = List.of("#b5651d", "#7b3fb0", "#1b8a9a", "#c0392b", "#4d7c0f",
            "#d4a017");

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

    /** The page in English. */
    static String render(Report report) {
        return render(report, Texts.ENGLISH);
    }

    static String render(Report report, Texts texts) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(texts.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(texts.text("title"))).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(escape(texts.text("title"))).append("</h1>\n")
                .append("<p class=\"note\">").append(texts.format("html.writtenBy",
                        "<code>" + escape(command(report, texts)) + "</code>")).append("</p>\n");
        List<String> failures = report.failures(texts);
        if (!failures.isEmpty()) {
            html.append("<div class=\"failures\" id=\"failures\"><strong>").append(escape(texts.text(
                    "failures.heading"))).append("</strong><ul>");
            failures.forEach(f -> html.append("<li>").append(escape(f)).append("</li>"));
            html.append("</ul></div>\n");
        }
        if (!report.single()) {
            // Switching database is following a link within the page: no script.
            html.append("<nav id=\"databases\"><strong>").append(escape(texts.text("nav.database")))
                    .append("</strong>");
            report.runs().forEach(run -> html.append(" <a href=\"#").append(run.id()).append("\">")
                    .append(escape(run.kind().displayName())).append("</a>"));
            html.append(" · <a href=\"#statements-everywhere\">").append(escape(texts.text("nav.everywhere")))
                    .append("</a> · <a href=\"#sql\">").append(escape(texts.text("nav.sql"))).append("</a></nav>\n");
        }
        for (Report.Run run : report.runs()) {
            String prefix = report.single() ? "" : run.id() + "-";
            if (!report.single()) {
                html.append("<div class=\"database\" id=\"").append(run.id()).append("\">\n<h2 class=\"database\">")
                        .append(escape(run.kind().displayName())).append("</h2>\n");
            }
            if (run.result().isEmpty()) {
                html.append("<p class=\"unavailable\" id=\"").append(prefix).append("unavailable\">")
                        .append(texts.format("html.notRun", escape(run.unavailable()))).append("</p>\n");
            } else {
                ComparisonResult result = run.result().get();
                environment(result, prefix, html, texts);
                seedScript(result, prefix, html, texts);
                operations(result, prefix, html, texts);
                times(result, prefix, html, texts);
                cold(result, prefix, html, texts);
                seriesCharts(result, prefix, html, texts);
                timeChart(result, prefix, html, texts);
            }
            if (!report.single()) {
                html.append("</div>\n");
            }
        }
        if (!report.single() && !report.results().isEmpty()) {
            statementsEverywhere(report, html, texts);
        }
        sql(report, html, texts);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The command that writes this report: the README's first command, with its options. */
    static String command(Report report, Texts texts) {
        String lang = texts.text("command.lang");
        return "./mvnw -q -pl comparison -am compile exec:java" + (report.single() ? "" : " -Ddb=all")
                + (lang.isEmpty() ? "" : " " + lang);
    }

    private static void environment(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        html.append("<section id=\"").append(prefix).append("environment\">\n<h2>")
                .append(escape(texts.text("heading.environment"))).append("</h2>\n<dl>\n");
        Legend.environment(result.environment(), texts).forEach(pair -> html.append("<dt>").append(escape(pair[0]))
                .append("</dt><dd>").append(escape(pair[1])).append("</dd>\n"));
        html.append("</dl>\n</section>\n");
    }

    private static void seedScript(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        html.append("<section id=\"").append(prefix).append("seed-script\">\n<h2>")
                .append(escape(texts.text("heading.seed"))).append("</h2>\n<p>")
                .append(escape(texts.text("seed.intro"))).append("</p>\n<table>\n<tr><th>")
                .append(escape(texts.text("column.library"))).append("</th><th>")
                .append(escape(texts.text("column.statementsPerStep"))).append("</th><th>")
                .append(escape(texts.text("column.titles"))).append("</th></tr>\n");
        for (SeedScript.Run run : result.seedScript()) {
            html.append("<tr><td>").append(escape(run.library().name())).append("</td><td>")
                    .append(run.statementsPerStep()).append("</td><td>")
                    .append(escape(run.titlesReadBack() ? String.join(", ", SeedScript.EXPECTED_TITLES)
                            : texts.text("seed.no")))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void operations(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        html.append("<section id=\"").append(prefix).append("operations\">\n<h2>")
                .append(escape(texts.text("heading.operations"))).append("</h2>\n<p>")
                .append(escape(Legend.scenario(result.settings(), texts))).append(' ')
                .append(escape(texts.text("legend.cell"))).append("</p>\n<table id=\"").append(prefix)
                .append("operations-table\">\n<tr><th>").append(escape(texts.text("column.operation")))
                .append("</th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append(operationCell(operation, texts));
            for (Cell cell : result.row(operation)) {
                html.append("<td class=\"cell").append(cell.asExpected() ? "" : " failed").append("\">")
                        .append(escape(Formats.cell(cell, texts))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<ul class=\"note\">\n<li>").append(escape(texts.text("legend.statements")))
                .append("</li>\n<li>").append(escape(texts.text("legend.rows"))).append("</li>\n</ul>\n</section>\n");
    }

    private static String operationCell(Operation operation, Texts texts) {
        return "<tr data-operation=\"" + operation.name() + "\"><td><code>" + escape(operation.title())
                + "</code><br><span class=\"note\">" + escape(texts.operation(operation)) + "</span></td>";
    }

    private static void times(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        html.append("<section id=\"").append(prefix).append("times\">\n<h2>")
                .append(escape(texts.text("heading.times"))).append("</h2>\n<p>")
                .append(escape(texts.text("legend.timeCell"))).append("</p>\n<table id=\"").append(prefix)
                .append("times-table\">\n<tr><th>").append(escape(texts.text("column.operation"))).append("</th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("<th>").append(escape(texts.text("column.jmh"))).append("</th></tr>\n");
        for (Operation operation : Operation.values()) {
            html.append(operationCell(operation, texts).replace("<tr data-operation=", "<tr data-timed-operation="));
            for (Cell cell : result.row(operation)) {
                double ratio = result.ratioToFastest(cell);
                html.append("<td class=\"cell time").append(ratio == 1.0 ? " fastest" : "").append("\">")
                        .append(escape(Formats.time(cell, texts))).append("<br><span class=\"ratio\">")
                        .append(escape(Formats.ratio(ratio))).append("</span> <span class=\"calls\">")
                        .append(escape(texts.format("cell.calls", Formats.calls(cell)))).append("</span></td>");
            }
            html.append("<td class=\"jmh\">").append(escape(Legend.jmhRow(operation, texts))).append("</td></tr>\n");
        }
        html.append("</table>\n<ul class=\"note\">\n<li>")
                .append(escape(Legend.times(result.settings(), result.environment(), texts))).append("</li>\n<li>")
                .append(escape(Legend.jmh(texts))).append("</li>\n</ul>\n</section>\n");
    }

    private static void cold(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        html.append("<section id=\"").append(prefix).append("cold\">\n<h2>").append(escape(texts.text("heading.cold")))
                .append("</h2>\n").append(result.freshJvm() ? "" : "<p class=\"not-cold\"><strong>"
                        + escape(texts.text("legend.notCold")) + "</strong></p>\n")
                .append("<p class=\"note\">").append(escape(texts.text("legend.cold"))).append("</p>\n<table id=\"")
                .append(prefix).append("cold-table\">\n<tr><th></th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("</tr>\n<tr data-startup=\"\"><td>").append(escape(texts.text("cold.startup"))).append("</td>");
        Library.ALL.forEach(library -> html.append("<td class=\"cell\">")
                .append(escape(Formats.duration(result.startupOf(library).nanos(), texts))).append("</td>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append("<tr data-first-call=\"").append(operation.name()).append("\"><td>")
                    .append(texts.format("cold.firstCall", "<code>" + escape(operation.title()) + "</code>"))
                    .append("</td>");
            result.row(operation).forEach(cell -> html.append("<td class=\"cell\">")
                    .append(escape(Formats.duration(cell.firstCallNanos(), texts))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void seriesCharts(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        html.append("<section id=\"").append(prefix).append("statements-chart\">\n<h2>")
                .append(escape(texts.text("heading.series"))).append("</h2>\n<p>")
                .append(texts.format("series.html", result.settings().postsPerUser()))
                .append("</p>\n<div class=\"charts\">\n");
        for (Library library : Library.ALL) {
            List<Series> lines = ComparisonRunner.STRATEGIES.stream()
                    .map(strategy -> new Series(strategy.name(), STRATEGY_COLORS.get(strategy),
                            result.seriesOf(library, strategy).stream().map(Integer::doubleValue).toList()))
                    .toList();
            LineChart chart = new LineChart(library.name(), texts.text("chart.users"), texts.text("chart.statements"),
                    result.settings().seriesUsers(), lines);
            html.append("<div class=\"chart\">").append(chart.render(370, 290)).append("</div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void timeChart(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        List<Series> bars = Library.ALL.stream()
                .map(library -> new Series(library.name(), LIBRARY_COLORS.get(Library.ALL.indexOf(library)),
                        List.of(Operation.values()).stream()
                                .map(operation -> result.cell(library, operation).medianNanos() / 1_000_000.0)
                                .toList()))
                .toList();
        BarChart chart = new BarChart(texts.format("chart.time", result.kind().displayName()),
                texts.text("chart.milliseconds"), List.of(Operation.values()).stream().map(Operation::title).toList(),
                bars);
        html.append("<section id=\"").append(prefix).append("time-chart\">\n<h2>")
                .append(escape(texts.text("heading.timeChart"))).append("</h2>\n<p class=\"note\">")
                .append(escape(texts.text("timeChart.note"))).append("</p>\n")
                .append("<div class=\"chart\">").append(chart.render(1000)).append("</div>\n</section>\n");
    }

    private static void statementsEverywhere(Report report, StringBuilder html, Texts texts) {
        html.append("<section id=\"statements-everywhere\">\n<h2>").append(escape(texts.text("heading.everywhere")))
                .append("</h2>\n<p>").append(escape(texts.text("everywhere.note"))).append("</p>\n")
                .append("<table id=\"statements-everywhere-table\">\n<tr><th>")
                .append(escape(texts.text("column.operation"))).append("</th>");
        Library.ALL.forEach(library -> html.append("<th>").append(escape(library.name())).append("</th>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append(operationCell(operation, texts).replace("<tr data-operation=", "<tr data-checked-operation="));
            for (Library library : Library.ALL) {
                boolean same = report.sameStatements(library, operation);
                html.append("<td class=\"cell").append(same ? " same" : " failed").append("\">")
                        .append(escape(report.statementsByDatabase(library, operation))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void sql(Report report, StringBuilder html, Texts texts) {
        if (report.results().isEmpty()) {
            return;
        }
        html.append("<section id=\"sql\">\n<h2>").append(escape(texts.text("heading.sql")))
                .append("</h2>\n<p class=\"note\">").append(texts.text("sql.note"))
                .append(report.single() ? "" : " " + escape(texts.text("sql.noteEverywhere"))).append("</p>\n");
        for (Operation operation : Operation.values()) {
            html.append("<h3><code>").append(escape(operation.title())).append("</code>: ")
                    .append(escape(texts.operation(operation))).append("</h3>\n<div class=\"sql-grid\">\n");
            for (Library library : Library.ALL) {
                Cell cell = report.results().get(0).cell(library, operation);
                html.append("<div><h4>").append(escape(library.name())).append(" · ")
                        .append(escape(Formats.statements(cell.statements(), texts))).append("</h4>");
                List<Report.SqlVariant> variants = report.sql(library, operation);
                for (Report.SqlVariant variant : variants) {
                    if (!report.single()) {
                        html.append("<p class=\"").append(variants.size() == 1 ? "same-sql" : "differs")
                                .append("\">")
                                .append(escape(texts.format(variants.size() == 1 ? "sql.sameOn" : "sql.on",
                                        Report.names(variant.databases())))).append("</p>");
                    }
                    html.append("<pre><code>");
                    List<SqlFormatter.Block> blocks = variant.blocks();
                    for (int i = 0; i < blocks.size(); i++) {
                        SqlFormatter.Block block = blocks.get(i);
                        if (i > 0) {
                            html.append("\n\n");
                        }
                        if (block.times() > 1) {
                            html.append("<span class=\"repeat\">")
                                    .append(escape(texts.count("sql.sent", block.times()))).append("</span>\n");
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
