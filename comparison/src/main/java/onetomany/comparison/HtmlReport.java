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
import onetomany.operations.OwnWay;

import static onetomany.comparison.Svg.escape;

/**
 * The report as one standalone HTML page ({@code comparison.html}): styles inline, charts as inline SVG, no
 * script, nothing fetched from the network; in the language of its {@link Texts} (English by default), which the
 * page's {@code lang} attribute names.
 */
final class HtmlReport {

    /**
     * How each load strategy's line is drawn, the N+1 one red: a colour, a width, a dash and a point shape of its
     * own, so that {@code SELECT_IN} and {@code SUBQUERY}, which both send 2 statements up to 500 users, show as a
     * wide green line with a dotted orange one on it, not as one line.
     */
    private static final Map<LoadStrategy, Series> STRATEGY_STYLES = Map.of(
            LoadStrategy.JOINED, new Series("", "#1f6fb4", List.of(), 2.5, "", "circle"),
            LoadStrategy.SELECT_IN, new Series("", "#2a9d3a", List.of(), 6, "", "square"),
            LoadStrategy.SUBQUERY, new Series("", "#e08a00", List.of(), 2.5, "3 3", "triangle"),
            LoadStrategy.NAIVE, new Series("", "#d62728", List.of(), 2.5, "7 3", "diamond"));

    /** Colours for the libraries, in {@link Library#ALL} order, taken again from the first past the last. */
    private static final List<String> LIBRARY_COLORS = List.of("#b5651d", "#7b3fb0", "#1b8a9a", "#5a7d2a",
            "#c2185b", "#455a64", "#8d6e00", "#3949ab");

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
            tr.own td { background: #f5f2fa; }
            tr.own td.none { color: #999; text-align: center; }
            .own-mark { color: #5b3a8e; font-size: 12px; font-weight: 600; }
            .note { color: #555; font-size: 14px; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; }
            .chart { background: #fff; border: 1px solid #ddd; padding: 6px; }
            .sql-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 10px; }
            .sql-grid > div { background: #fff; border: 1px solid #ddd; padding: 8px 10px; min-width: 0; }
            .sql-grid h4 { margin: 0 0 6px; font-size: 14px; }
            pre { margin: 0; white-space: pre-wrap; word-break: break-word; font-size: 12px; line-height: 1.35; }
            pre .repeat { color: #a00; font-weight: 600; }
            .failures { background: #fde2e2; border: 1px solid #e99; padding: 8px 14px; }
            td.time .ratio { color: #222; font-size: 12px; font-weight: 600; }
            td.time .calls { color: #666; font-size: 11px; margin-left: 6px; }
            td.fastest { background: #e8f5e9; }
            td.fastest .mark { color: #1b5e20; font-size: 11px; font-weight: 600; }
            nav#databases { position: sticky; top: 0; background: #fafafa; padding: 8px 0;
                            border-bottom: 1px solid #ddd; }
            nav#databases a { margin: 0 6px; }
            h2.database { font-size: 24px; margin-top: 48px; border-bottom: 3px solid #1f6fb4; }
            p.differs { margin: 6px 0 2px; font-weight: 600; color: #a00; font-size: 13px; }
            p.same-sql { margin: 0 0 4px; color: #555; font-size: 13px; }
            p.agree { background: #e8f5e9; border: 1px solid #9ccc9c; padding: 6px 12px; }
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
                .append("<title>").append(escape(texts.format("title", texts.libraries())))
                .append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(escape(texts.format("title", texts.libraries()))).append("</h1>\n")
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
                    .append("</a> · <a href=\"#times-everywhere\">").append(escape(texts.text("nav.timesEverywhere")))
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
            timesEverywhere(report, html, texts);
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
            for (OwnWay way : result.ownWaysBeside(operation)) {
                html.append("<tr class=\"own\" data-own-way=\"").append(way.name()).append("\"><td>")
                        .append(escape(TerminalReport.OWN)).append("<code>").append(escape(way.title()))
                        .append("</code> <span class=\"own-mark\">")
                        .append(escape(Formats.ownMark(result, way, texts))).append("</span><br><span class=\"note\">")
                        .append(escape(texts.own(way))).append("</span></td>");
                for (Library library : Library.ALL) {
                    html.append(result.ownCell(library, way).map(cell -> "<td class=\"cell"
                                    + (cell.asExpected() ? "" : " failed") + "\">" + escape(Formats.cell(cell, texts))
                                    + "</td>")
                            .orElse("<td class=\"cell none\">" + Formats.NONE + "</td>"));
                }
                html.append("</tr>\n");
            }
        }
        html.append("</table>\n<ul class=\"note\">\n<li>").append(escape(texts.text("legend.statements")))
                .append("</li>\n<li>").append(escape(texts.text("legend.rows"))).append("</li>\n");
        if (!result.ownCells().isEmpty()) {
            html.append("<li>").append(escape(texts.text("legend.own"))).append("</li>\n");
            for (OwnWay way : OwnWay.values()) {
                if (result.ownCells().stream().anyMatch(cell -> cell.way() == way)) {
                    html.append("<li data-own-note=\"").append(way.name()).append("\">")
                            .append(escape(TerminalReport.ownNote(result, way, texts))).append("</li>\n");
                }
            }
        }
        html.append("</ul>\n</section>\n");
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
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            html.append(operationCell(operation, texts).replace("<tr data-operation=", "<tr data-timed-operation="));
            for (Cell cell : result.row(operation)) {
                double ratio = result.ratioToFastest(cell);
                boolean fastest = Formats.isFastest(result, cell);
                html.append("<td class=\"cell time").append(fastest ? " fastest" : "").append("\">")
                        .append(escape(Formats.time(cell, texts))).append("<br><span class=\"ratio\">")
                        .append(escape(Formats.ratio(ratio))).append("</span> <span class=\"calls\">")
                        .append(escape(texts.format("cell.calls", Formats.calls(cell)))).append("</span>")
                        .append(fastest ? " <span class=\"mark\">" + escape(texts.text("cell.fastest")) + "</span>"
                                : "").append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<ul class=\"note\">\n<li>")
                .append(escape(Legend.times(result.settings(), result.environment(), texts))).append("</li>\n<li>")
                .append(escape(Legend.jmh(texts))).append("</li>\n</ul>\n</section>\n");
    }

    private static void cold(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        html.append("<section id=\"").append(prefix).append("cold\">\n<h2>")
                .append(escape(texts.text(result.freshJvm() ? "heading.cold" : "heading.notCold")))
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
                    .map(strategy -> {
                        Series style = STRATEGY_STYLES.get(strategy);
                        return new Series(strategy.name(), style.color(),
                                result.seriesOf(library, strategy).stream().map(Integer::doubleValue).toList(),
                                style.width(), style.dash(), style.marker());
                    })
                    .toList();
            LineChart chart = new LineChart(library.name(), texts.text("chart.users"), texts.text("chart.statements"),
                    result.settings().seriesUsers(), lines);
            html.append("<div class=\"chart\">").append(chart.render(370, 290)).append("</div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void timeChart(ComparisonResult result, String prefix, StringBuilder html, Texts texts) {
        List<Series> bars = Library.ALL.stream()
                .map(library -> new Series(library.name(),
                        LIBRARY_COLORS.get(Library.ALL.indexOf(library) % LIBRARY_COLORS.size()),
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

    /**
     * The statements of every cell on every database: one line when they agree everywhere (they must, and are
     * checked), and a row only for each cell where they differ.
     */
    private static void statementsEverywhere(Report report, StringBuilder html, Texts texts) {
        List<Report.Place> differing = report.differingStatements();
        html.append("<section id=\"statements-everywhere\">\n<h2>").append(escape(texts.text("heading.everywhere")))
                .append("</h2>\n");
        if (differing.isEmpty()) {
            html.append("<p class=\"agree\" id=\"statements-agree\">").append(escape(texts.format(
                    "everywhere.agree", report.namesOfRun(), Report.cellsPerDatabase()))).append("</p>\n</section>\n");
            return;
        }
        html.append("<p>").append(escape(texts.format("everywhere.differ", report.namesOfRun(),
                        Report.cellsPerDatabase() - differing.size()))).append("</p>\n")
                .append("<table id=\"statements-everywhere-table\">\n<tr><th>")
                .append(escape(texts.text("column.operation"))).append("</th><th>")
                .append(escape(texts.text("column.library"))).append("</th><th>")
                .append(escape(texts.text("heading.everywhere"))).append("</th></tr>\n");
        for (Report.Place place : differing) {
            html.append("<tr data-differing-operation=\"").append(place.operation().name()).append("\"><td><code>")
                    .append(escape(place.operation().title())).append("</code></td><td>")
                    .append(escape(place.library().name())).append("</td><td class=\"cell failed\">")
                    .append(escape(report.statementsByDatabase(place.library(), place.operation())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    /**
     * Each operation's time in each library on each database: operations and libraries as rows,
     * databases as columns.
     */
    private static void timesEverywhere(Report report, StringBuilder html, Texts texts) {
        List<ComparisonResult> results = report.results();
        html.append("<section id=\"times-everywhere\">\n<h2>").append(escape(texts.text("heading.timesEverywhere")))
                .append("</h2>\n<p class=\"note\">").append(escape(texts.text("timesEverywhere.note")))
                .append("</p>\n<table id=\"times-everywhere-table\">\n<tr><th>")
                .append(escape(texts.text("column.operation"))).append("</th><th>")
                .append(escape(texts.text("column.library"))).append("</th>");
        results.forEach(result -> html.append("<th>").append(escape(result.kind().displayName())).append("</th>"));
        html.append("</tr>\n");
        for (Operation operation : Operation.values()) {
            for (Library library : Library.ALL) {
                html.append("<tr data-timed-everywhere=\"").append(operation.name()).append("\">");
                if (library.equals(Library.ALL.get(0))) {
                    html.append("<td rowspan=\"").append(Library.ALL.size()).append("\"><code>")
                            .append(escape(operation.title())).append("</code></td>");
                }
                html.append("<td>").append(escape(library.name())).append("</td>");
                for (ComparisonResult result : results) {
                    Cell cell = result.cell(library, operation);
                    boolean fastest = Formats.isFastest(result, cell);
                    html.append("<td class=\"cell time").append(fastest ? " fastest" : "").append("\">")
                            .append(escape(Formats.time(cell, texts)))
                            .append(fastest ? " <span class=\"mark\">" + escape(texts.text("cell.fastest"))
                                    + "</span>" : "").append("</td>");
                }
                html.append("</tr>\n");
            }
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
                List<Report.SqlVariant> variants = report.sql(library, operation, texts);
                for (Report.SqlVariant variant : variants) {
                    if (!report.single()) {
                        html.append("<p class=\"").append(variants.size() == 1 ? "same-sql" : "differs")
                                .append("\">")
                                .append(escape(texts.format(variants.size() == 1 ? "sql.sameOn" : "sql.on",
                                        Report.names(variant.databases())))).append("</p>");
                    }
                    listing(variant, html, texts);
                }
                html.append("</div>\n");
            }
            html.append("</div>\n");
            report.ownWaysBeside(operation).forEach((way, libraries) -> {
                html.append("<h3>").append(escape(TerminalReport.OWN)).append("<code>").append(escape(way.title()))
                        .append("</code> <span class=\"own-mark\">").append(escape(texts.format("own.mark",
                                String.join(", ", libraries.stream().map(Library::name).toList()))))
                        .append("</span>: ").append(escape(texts.own(way))).append("</h3>\n<div class=\"sql-grid\" ")
                        .append("data-own-way=\"").append(way.name()).append("\">\n");
                for (Library library : libraries) {
                    html.append("<div><h4>").append(escape(library.name())).append(" · ")
                            .append(escape(report.ownStatements(library, way, texts))).append("</h4>");
                    List<Report.SqlVariant> variants = report.sql(library, way, texts);
                    for (Report.SqlVariant variant : variants) {
                        if (!report.single()) {
                            html.append("<p class=\"").append(variants.size() == 1 ? "same-sql" : "differs")
                                    .append("\">")
                                    .append(escape(texts.format(variants.size() == 1 ? "sql.sameOn" : "sql.on",
                                            Report.names(variant.databases())))).append("</p>");
                        }
                        listing(variant, html, texts);
                    }
                    html.append("</div>\n");
                }
                html.append("</div>\n");
            });
        }
        html.append("</section>\n");
    }

    /** One form of the SQL: its statements, each annotation (sent how many times, as a batch) before its own. */
    private static void listing(Report.SqlVariant variant, StringBuilder html, Texts texts) {
        html.append("<pre><code>");
        List<SqlFormatter.Block> blocks = variant.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            SqlFormatter.Block block = blocks.get(i);
            if (i > 0) {
                html.append("\n\n");
            }
            SqlFormatter.annotation(block, texts).ifPresent(annotation -> html
                    .append("<span class=\"repeat\">").append(escape(annotation)).append("</span>\n"));
            html.append(escape(block.sql()));
        }
        html.append("</code></pre>");
    }
}
