package onetomany.comparison;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;
import onetomany.libraries.Library;
import onetomany.operations.Operation;

/** The report in the terminal: the seed script, the operations table, the series, then each operation's SQL. */
final class TerminalReport {

    private TerminalReport() {
    }

    /** The whole report: each database's tables, then the SQL (once where every database got the same). */
    static void print(Report report, PrintStream out) {
        for (Report.Run run : report.runs()) {
            if (!report.single()) {
                out.printf("%n==================== %s ====================%n", run.kind().displayName());
            }
            run.result().ifPresentOrElse(result -> print(result, out),
                    () -> out.printf("%n%s: not run. %s%n", run.kind().displayName(), run.unavailable()));
        }
        if (!report.single()) {
            out.printf("%nStatements on every database (they must be the same, and are checked):%n");
            for (Operation operation : Operation.values()) {
                for (Library library : Library.ALL) {
                    out.printf("  %-33s %-14s %s%s%n", operation.title(), library.name(),
                            report.statementsByDatabase(library, operation),
                            report.sameStatements(library, operation) ? "" : "  ✗ DIFFER");
                }
            }
        }
        sql(report, out);
        if (!report.results().isEmpty()) {
            out.println();
            out.println("Environment:");
            Legend.environment(report).forEach(pair -> out.printf("  %-17s %s%n", pair[0], pair[1]));
        }
    }

    /** One database's tables: the seed script, statements, steady-state times, calls, cold start, the series. */
    static void print(ComparisonResult result, PrintStream out) {
        out.println();
        out.println("The seed script: Alice with \"First Post\" and \"Second Post\", in three libraries.");
        result.seedScript().forEach(run -> SeedScript.print(run, out));
        out.printf("%nStatements per step (save + walk + read back):%n");
        result.seedScript().forEach(run -> out.printf("  %-14s %s%n", run.library().name(), run.statementsPerStep()));

        out.printf("%nEvery operation, side by side. %s%n%s%n%n", Legend.scenario(result.settings()), Legend.CELL);
        printTable(operationTable(result, Formats::cell), out);
        out.println();
        wrap(Legend.STATEMENTS, out);
        wrap(Legend.ROWS, out);

        out.printf("%nSteady-state time per call. %s%n%n", Legend.TIME_CELL);
        printTable(operationTable(result, cell -> Formats.timeCell(result, cell)), out);
        out.println();
        wrap(Legend.times(result.settings(), result.environment()), out);

        out.printf("%nCalls per cell (warm-up + measured), and where JMH measures the same operation:%n%n");
        List<List<String>> calls = new ArrayList<>();
        List<String> callsHeader = new ArrayList<>(List.of("Operation"));
        Library.ALL.forEach(library -> callsHeader.add(library.name()));
        callsHeader.add("JMH row");
        calls.add(callsHeader);
        for (Operation operation : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(operation.title()));
            result.row(operation).forEach(cell -> row.add(Formats.calls(cell)));
            row.add(JmhRows.text(operation));
            calls.add(row);
        }
        printTable(calls, out);
        out.println();
        wrap(Legend.JMH, out);

        out.printf("%nCold start: start-up, then the first call of each operation (one sample each).%n%n");
        List<List<String>> cold = new ArrayList<>();
        List<String> coldHeader = new ArrayList<>(List.of(""));
        Library.ALL.forEach(library -> coldHeader.add(library.name()));
        cold.add(coldHeader);
        List<String> startup = new ArrayList<>(List.of("start-up"));
        Library.ALL.forEach(library -> startup.add(Formats.duration(result.startupOf(library).nanos())));
        cold.add(startup);
        for (Operation operation : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(operation.title() + ", first call"));
            result.row(operation).forEach(cell -> row.add(Formats.duration(cell.firstCallNanos())));
            cold.add(row);
        }
        printTable(cold, out);
        out.println();
        wrap(result.freshJvm() ? Legend.COLD : Legend.NOT_COLD + " " + Legend.COLD, out);

        out.printf("%nStatements to load all users with their posts (%d posts each), by number of users:%n%n",
                result.settings().postsPerUser());
        List<List<String>> series = new ArrayList<>();
        List<String> seriesHeader = new ArrayList<>(List.of("Library", "Strategy"));
        result.settings().seriesUsers().forEach(n -> seriesHeader.add("N=" + n));
        series.add(seriesHeader);
        for (Library library : Library.ALL) {
            for (LoadStrategy strategy : ComparisonRunner.STRATEGIES) {
                List<String> row = new ArrayList<>(List.of(library.name(), strategy.name()));
                result.seriesOf(library, strategy).forEach(count -> row.add(String.valueOf(count)));
                series.add(row);
            }
        }
        printTable(series, out);
    }

    /** Operations as rows, libraries as columns, each cell rendered by {@code render}. */
    private static List<List<String>> operationTable(ComparisonResult result, Function<Cell, String> render) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Operation"));
        Library.ALL.forEach(library -> header.add(library.name()));
        table.add(header);
        for (Operation operation : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(operation.title()));
            result.row(operation).forEach(cell -> row.add(render.apply(cell)));
            table.add(row);
        }
        return table;
    }

    /** The SQL of every operation in every library; with several databases, each form labelled by its databases. */
    private static void sql(Report report, PrintStream out) {
        if (report.results().isEmpty()) {
            return;
        }
        out.printf("%nThe SQL each library sent, per operation%s:%n", report.single() ? ""
                : " (once when every database got the same text, else each form with its databases)");
        for (Operation operation : Operation.values()) {
            out.printf("%n== %s: %s%n", operation.title(), operation.description());
            for (Library library : Library.ALL) {
                Cell cell = report.results().get(0).cell(library, operation);
                out.printf("%n  -- %s: %s%n", library.name(), Formats.statements(cell.statements()));
                List<Report.SqlVariant> variants = report.sql(library, operation);
                for (Report.SqlVariant variant : variants) {
                    if (!report.single()) {
                        out.printf("    -- %s%s:%n", variants.size() == 1 ? "the same on " : "on ",
                                Report.names(variant.databases()));
                    }
                    for (SqlFormatter.Block block : variant.blocks()) {
                        if (block.times() > 1) {
                            out.printf("    -- sent %d times:%n", block.times());
                        }
                        block.sql().lines().forEach(line -> out.println("    " + line));
                    }
                }
            }
        }
    }

    /** Columns padded to their widest cell, a rule under the header. */
    private static void printTable(List<List<String>> rows, PrintStream out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == 0 ? "" : "   ").append(pad(rows.get(r).get(c), widths[c]));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append(c == 0 ? "" : "   ").append("-".repeat(widths[c]));
                }
                out.println(rule);
            }
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** Prints a paragraph wrapped at 110 columns. */
    private static void wrap(String paragraph, PrintStream out) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (line.length() + word.length() + 1 > 110) {
                out.println(line.toString().stripTrailing());
                line.setLength(0);
            }
            line.append(word).append(' ');
        }
        out.println(line.toString().stripTrailing());
    }
}
