package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;
import onetomany.libraries.Library;
import onetomany.operations.Operation;

/**
 * The report as Markdown ({@code comparison.md}): the same content as the page, with tables instead of charts;
 * with several databases, a part per database and the SQL once where every database got the same.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# One-to-many in Hibernate ORM, MyBatis and Jdbi: the comparison\n\n");
        md.append("Written by `./mvnw -q -pl comparison -am compile exec:java")
                .append(report.single() ? "" : " -Ddb=all").append("`; the same report with charts is ")
                .append("`comparison.html`.\n\n");
        List<String> failures = report.failures();
        if (!failures.isEmpty()) {
            md.append("**This run broke the contract:**\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
            md.append('\n');
        }
        if (!report.single()) {
            md.append("Databases:");
            report.runs().forEach(run -> md.append(" [").append(run.kind().displayName()).append("](#")
                    .append(run.id()).append(')'));
            md.append(" · [statements on every database](#statements-everywhere) · [the SQL](#sql)\n\n");
        }
        if (!report.results().isEmpty()) {
            md.append("## Environment\n\n");
            Legend.environment(report).forEach(pair -> md.append("- **").append(pair[0]).append("**: ")
                    .append(pair[1]).append('\n'));
        }
        for (Report.Run run : report.runs()) {
            String h = report.single() ? "##" : "###";
            if (!report.single()) {
                md.append("\n<a id=\"").append(run.id()).append("\"></a>\n\n## ").append(run.kind().displayName())
                        .append("\n\n");
            }
            if (run.result().isEmpty()) {
                md.append("Not run: ").append(run.unavailable()).append('\n');
                continue;
            }
            database(run.result().get(), h, md);
        }
        if (!report.single() && !report.results().isEmpty()) {
            md.append("\n<a id=\"statements-everywhere\"></a>\n\n## Statements on every database\n\n")
                    .append("The same in every database, and checked: a difference is a failure of the run.\n\n")
                    .append("| Operation |");
            Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
            md.append("\n|---|").append("---|".repeat(Library.ALL.size())).append('\n');
            for (Operation operation : Operation.values()) {
                md.append("| `").append(operation.title()).append("` |");
                for (Library library : Library.ALL) {
                    md.append(' ').append(report.sameStatements(library, operation) ? "" : "✗ ")
                            .append(report.statementsByDatabase(library, operation)).append(" |");
                }
                md.append('\n');
            }
        }
        sql(report, md);
        return md.toString();
    }

    /** One database's part: seed script, statements, times, calls, cold start, series. */
    private static void database(ComparisonResult result, String h, StringBuilder md) {
        md.append('\n').append(h).append(" The seed script\n\nAlice with \"First Post\" and \"Second Post\", saved "
                + "by saving Alice alone, then her posts' titles from the saved object and read back.\n\n");
        md.append("| Library | Statements (save + walk + read back) | Titles read back |\n|---|---|---|\n");
        for (SeedScript.Run run : result.seedScript()) {
            md.append("| ").append(run.library().name()).append(" | ").append(run.statementsPerStep()).append(" | ")
                    .append(run.titlesReadBack() ? String.join(", ", SeedScript.EXPECTED_TITLES) : "✗ no")
                    .append(" |\n");
        }

        md.append('\n').append(h).append(" Every operation\n\n").append(Legend.scenario(result.settings()))
                .append(' ').append(Legend.CELL).append("\n\n");
        table(result, Formats::cell, md);
        md.append("\n- ").append(Legend.STATEMENTS).append("\n- ").append(Legend.ROWS).append('\n');

        md.append('\n').append(h).append(" Steady-state times\n\n").append(Legend.TIME_CELL).append("\n\n");
        md.append("| Operation |");
        Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
        md.append(" Calls (warm-up + measured) | JMH row |\n|---|").append("---|".repeat(Library.ALL.size() + 2))
                .append('\n');
        for (Operation operation : Operation.values()) {
            md.append("| `").append(operation.title()).append("` |");
            result.row(operation).forEach(cell -> md.append(' ').append(Formats.timeCell(result, cell)).append(" |"));
            md.append(' ').append(String.join(" · ", result.row(operation).stream().map(Formats::calls).toList()))
                    .append(" | ").append(JmhRows.text(operation)).append(" |\n");
        }
        md.append("\n- ").append(Legend.times(result.settings(), result.environment())).append("\n- ")
                .append(Legend.JMH).append('\n');

        md.append('\n').append(h).append(" Cold start\n\n").append(result.freshJvm() ? "" : "**" + Legend.NOT_COLD
                + "** ").append(Legend.COLD).append("\n\n| |");
        Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(Library.ALL.size())).append("\n| start-up |");
        Library.ALL.forEach(library -> md.append(' ').append(Formats.duration(result.startupOf(library).nanos()))
                .append(" |"));
        md.append('\n');
        for (Operation operation : Operation.values()) {
            md.append("| `").append(operation.title()).append("`, first call |");
            result.row(operation).forEach(cell -> md.append(' ').append(Formats.duration(cell.firstCallNanos()))
                    .append(" |"));
            md.append('\n');
        }

        md.append('\n').append(h).append(" Statements versus users\n\n`findAllUsersWithPosts` on N users with ")
                .append(result.settings().postsPerUser()).append(" posts each.\n\n| Library | Strategy |");
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

    private static void table(ComparisonResult result, Function<Cell, String> render, StringBuilder md) {
        md.append("| Operation |");
        Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(Library.ALL.size())).append('\n');
        for (Operation operation : Operation.values()) {
            md.append("| `").append(operation.title()).append("` |");
            result.row(operation).forEach(cell -> md.append(' ').append(render.apply(cell)).append(" |"));
            md.append('\n');
        }
    }

    private static void sql(Report report, StringBuilder md) {
        if (report.results().isEmpty()) {
            return;
        }
        md.append(report.single() ? "" : "\n<a id=\"sql\"></a>\n").append("\n## The SQL, per operation\n");
        if (!report.single()) {
            md.append("\nOnce when every database got the same text; otherwise each form, with its databases.\n");
        }
        for (Operation operation : Operation.values()) {
            md.append("\n### `").append(operation.title()).append("`: ").append(operation.description())
                    .append("\n");
            for (Library library : Library.ALL) {
                Cell cell = report.results().get(0).cell(library, operation);
                md.append("\n**").append(library.name()).append("**: ").append(Formats.statements(cell.statements()));
                List<Report.SqlVariant> variants = report.sql(library, operation);
                for (Report.SqlVariant variant : variants) {
                    if (!report.single()) {
                        md.append(variants.size() == 1 ? ", the same on " : "\n\n*on ")
                                .append(Report.names(variant.databases())).append(variants.size() == 1 ? "" : "*");
                    }
                    md.append("\n\n```sql\n").append(String.join("\n", sqlLines(variant.blocks())))
                            .append("\n```\n");
                }
            }
        }
    }

    private static List<String> sqlLines(List<SqlFormatter.Block> blocks) {
        List<String> lines = new ArrayList<>();
        for (SqlFormatter.Block block : blocks) {
            if (block.times() > 1) {
                lines.add("-- sent " + block.times() + " times:");
            }
            lines.add(block.sql());
        }
        return lines;
    }
}
