package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import onetomany.operations.OwnWay;

/**
 * The report as Markdown ({@code comparison.md}): the same content as the page, with tables instead of charts;
 * with several databases, a part per database and the SQL once where every database got the same. In the
 * language of its {@link Texts} (English by default).
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The report in English. */
    static String render(Report report) {
        return render(report, Texts.ENGLISH);
    }

    static String render(Report report, Texts texts) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(texts.format("md.title", texts.libraries())).append("\n\n");
        md.append(texts.format("md.writtenBy", "`" + HtmlReport.command(report, texts) + "`")).append("\n\n");
        List<String> failures = report.failures(texts);
        if (!failures.isEmpty()) {
            md.append("**").append(texts.text("failures.heading")).append("**\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
            md.append('\n');
        }
        if (!report.single()) {
            md.append(texts.text("md.databases"));
            report.runs().forEach(run -> md.append(" [").append(run.kind().displayName()).append("](#")
                    .append(run.id()).append(')'));
            md.append(" · [").append(texts.text("nav.everywhere")).append("](#statements-everywhere) · [")
                    .append(texts.text("nav.timesEverywhere")).append("](#times-everywhere) · [")
                    .append(texts.text("nav.sql")).append("](#sql)\n\n");
        }
        if (!report.results().isEmpty()) {
            md.append("## ").append(texts.text("heading.environment")).append("\n\n");
            Legend.environment(report, texts).forEach(pair -> md.append("- **").append(pair[0]).append("**: ")
                    .append(pair[1]).append('\n'));
        }
        for (Report.Run run : report.runs()) {
            String h = report.single() ? "##" : "###";
            if (!report.single()) {
                md.append("\n<a id=\"").append(run.id()).append("\"></a>\n\n## ").append(run.kind().displayName())
                        .append("\n\n");
            }
            if (run.result().isEmpty()) {
                md.append(texts.format("md.notRun", run.unavailable())).append('\n');
                continue;
            }
            database(run.result().get(), h, md, texts);
        }
        if (!report.single() && !report.results().isEmpty()) {
            md.append("\n<a id=\"statements-everywhere\"></a>\n\n## ").append(texts.text("heading.everywhere"))
                    .append("\n\n");
            List<Report.Place> differing = report.differingStatements();
            if (differing.isEmpty()) {
                md.append(texts.format("everywhere.agree", report.namesOfRun(), Report.cellsPerDatabase()))
                        .append('\n');
            } else {
                md.append(texts.format("everywhere.differ", report.namesOfRun(),
                                Report.cellsPerDatabase() - differing.size())).append("\n\n| ")
                        .append(texts.text("column.operation")).append(" | ").append(texts.text("column.library"))
                        .append(" | ").append(texts.text("heading.everywhere")).append(" |\n|---|---|---|\n");
                for (Report.Place place : differing) {
                    md.append("| `").append(place.operation().title()).append("` | ").append(place.library().name())
                            .append(" | ✗ ").append(report.statementsByDatabase(place.library(), place.operation()))
                            .append(" |\n");
                }
            }
            md.append("\n<a id=\"times-everywhere\"></a>\n\n## ").append(texts.text("heading.timesEverywhere"))
                    .append("\n\n").append(texts.text("timesEverywhere.note")).append("\n\n");
            List<List<String>> times = TerminalReport.timesEverywhere(report, texts);
            for (int r = 0; r < times.size(); r++) {
                List<String> row = times.get(r);
                md.append("| ").append(String.join(" | ", r == 0 || row.get(0).isEmpty() ? row
                        : prepend("`" + row.get(0) + "`", row.subList(1, row.size())))).append(" |\n");
                if (r == 0) {
                    md.append('|').append("---|".repeat(row.size())).append('\n');
                }
            }
        }
        sql(report, md, texts);
        return md.toString();
    }

    /** One database's part: seed script, statements, times, calls, cold start, series. */
    private static void database(ComparisonResult result, String h, StringBuilder md, Texts texts) {
        md.append('\n').append(h).append(' ').append(texts.text("heading.seed")).append("\n\n")
                .append(texts.text("seed.intro")).append("\n\n");
        md.append("| ").append(texts.text("column.library")).append(" | ")
                .append(texts.text("column.statementsPerStep")).append(" | ").append(texts.text("column.titles"))
                .append(" |\n|---|---|---|\n");
        for (SeedScript.Run run : result.seedScript()) {
            md.append("| ").append(run.library().name()).append(" | ").append(run.statementsPerStep()).append(" | ")
                    .append(run.titlesReadBack() ? String.join(", ", SeedScript.EXPECTED_TITLES)
                            : texts.text("seed.no"))
                    .append(" |\n");
        }

        md.append('\n').append(h).append(' ').append(texts.text("heading.operations")).append("\n\n")
                .append(Legend.scenario(result.settings(), texts)).append(' ').append(texts.text("legend.cell"))
                .append("\n\n");
        table(result, cell -> Formats.cell(cell, texts), md, texts);
        md.append("\n- ").append(texts.text("legend.statements")).append("\n- ").append(texts.text("legend.rows"))
                .append('\n');
        if (!result.ownCells().isEmpty()) {
            md.append("- ").append(texts.text("legend.own")).append('\n');
            for (OwnWay way : OwnWay.values()) {
                if (result.ownCells().stream().anyMatch(cell -> cell.way() == way)) {
                    md.append("- ").append(TerminalReport.ownNote(result, way, texts)).append('\n');
                }
            }
        }

        md.append('\n').append(h).append(' ').append(texts.text("heading.times")).append("\n\n")
                .append(texts.text("legend.timeCell")).append("\n\n");
        md.append("| ").append(texts.text("column.operation")).append(" |");
        Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
        md.append(' ').append(texts.text("column.calls")).append(" |\n|---|")
                .append("---|".repeat(Library.ALL.size() + 1)).append('\n');
        for (Operation operation : Operation.values()) {
            md.append("| `").append(operation.title()).append("` |");
            result.row(operation).forEach(cell -> md.append(' ').append(Formats.timeCell(result, cell, texts))
                    .append(" |"));
            md.append(' ').append(String.join(" · ", result.row(operation).stream().map(Formats::calls).toList()))
                    .append(" |\n");
        }
        md.append("\n- ").append(Legend.times(result.settings(), result.environment(), texts)).append("\n- ")
                .append(Legend.jmh(texts)).append('\n');

        md.append('\n').append(h).append(' ').append(texts.text(result.freshJvm() ? "heading.cold" : "heading.notCold"))
                .append("\n\n").append(result.freshJvm() ? "" : "**" + texts.text("legend.notCold") + "** ")
                .append(texts.text("legend.cold")).append("\n\n| |");
        Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(Library.ALL.size())).append("\n| ")
                .append(texts.text("cold.startup")).append(" |");
        Library.ALL.forEach(library -> md.append(' ')
                .append(Formats.duration(result.startupOf(library).nanos(), texts)).append(" |"));
        md.append('\n');
        for (Operation operation : Operation.values()) {
            md.append("| ").append(texts.format("cold.firstCall", "`" + operation.title() + "`")).append(" |");
            result.row(operation).forEach(cell -> md.append(' ')
                    .append(Formats.duration(cell.firstCallNanos(), texts)).append(" |"));
            md.append('\n');
        }

        md.append('\n').append(h).append(' ').append(texts.text("heading.series")).append("\n\n")
                .append(texts.format("series.md", result.settings().postsPerUser())).append("\n\n| ")
                .append(texts.text("column.library")).append(" | ").append(texts.text("column.strategy"))
                .append(" |");
        result.settings().seriesUsers().forEach(n -> md.append(" N = ").append(n).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(result.settings().seriesUsers().size())).append('\n');
        for (Library library : Library.ALL) {
            for (LoadStrategy strategy : ComparisonRunner.STRATEGIES) {
                md.append("| ").append(library.name()).append(" | `").append(strategy).append("` |");
                result.seriesOf(library, strategy).forEach(count -> md.append(' ').append(count).append(" |"));
                md.append('\n');
            }
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> row = new ArrayList<>(List.of(first));
        row.addAll(rest);
        return row;
    }

    private static void table(ComparisonResult result, Function<Cell, String> render, StringBuilder md,
                              Texts texts) {
        md.append("| ").append(texts.text("column.operation")).append(" |");
        Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(Library.ALL.size())).append('\n');
        for (Operation operation : Operation.values()) {
            md.append("| `").append(operation.title()).append("` |");
            result.row(operation).forEach(cell -> md.append(' ').append(render.apply(cell)).append(" |"));
            md.append('\n');
            for (OwnWay way : result.ownWaysBeside(operation)) {
                md.append("| ").append(TerminalReport.OWN).append('`').append(way.title()).append("` *(")
                        .append(Formats.ownMark(result, way, texts)).append(")* |");
                Library.ALL.forEach(library -> md.append(' ')
                        .append(Formats.ownCell(result, library, way, texts)).append(" |"));
                md.append('\n');
            }
        }
    }

    private static void sql(Report report, StringBuilder md, Texts texts) {
        if (report.results().isEmpty()) {
            return;
        }
        md.append(report.single() ? "" : "\n<a id=\"sql\"></a>\n").append("\n## ").append(texts.text("heading.sql"))
                .append('\n');
        if (!report.single()) {
            md.append('\n').append(texts.text("sql.noteEverywhere")).append('\n');
        }
        for (Operation operation : Operation.values()) {
            md.append("\n### `").append(operation.title()).append("`: ").append(texts.operation(operation))
                    .append("\n");
            for (Library library : Library.ALL) {
                Cell cell = report.results().get(0).cell(library, operation);
                md.append("\n**").append(library.name()).append("**: ")
                        .append(Formats.statements(cell.statements(), texts));
                List<Report.SqlVariant> variants = report.sql(library, operation, texts);
                for (Report.SqlVariant variant : variants) {
                    if (!report.single()) {
                        String names = Report.names(variant.databases());
                        md.append(variants.size() == 1 ? ", " + texts.format("sql.sameOn", names)
                                : "\n\n*" + texts.format("sql.on", names) + "*");
                    }
                    md.append("\n\n```sql\n").append(String.join("\n", sqlLines(variant.blocks(), texts)))
                            .append("\n```\n");
                }
            }
            report.ownWaysBeside(operation).forEach((way, libraries) -> {
                md.append("\n### ").append(TerminalReport.OWN).append('`').append(way.title()).append("` *(")
                        .append(texts.format("own.mark", String.join(", ", libraries.stream().map(Library::name)
                                .toList()))).append(")*: ").append(texts.own(way)).append('\n');
                for (Library library : libraries) {
                    md.append("\n**").append(library.name()).append("**: ")
                            .append(report.ownStatements(library, way, texts));
                    List<Report.SqlVariant> variants = report.sql(library, way, texts);
                    for (Report.SqlVariant variant : variants) {
                        if (!report.single()) {
                            String names = Report.names(variant.databases());
                            md.append(variants.size() == 1 ? ", " + texts.format("sql.sameOn", names)
                                    : "\n\n*" + texts.format("sql.on", names) + "*");
                        }
                        md.append("\n\n```sql\n").append(String.join("\n", sqlLines(variant.blocks(), texts)))
                                .append("\n```\n");
                    }
                }
            });
        }
    }

    private static List<String> sqlLines(List<SqlFormatter.Block> blocks, Texts texts) {
        List<String> lines = new ArrayList<>();
        for (SqlFormatter.Block block : blocks) {
            lines.addAll(SqlFormatter.lines(block, texts));
        }
        return lines;
    }
}
