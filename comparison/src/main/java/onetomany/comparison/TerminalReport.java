package onetomany.comparison;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;

/** The report in the terminal: the seed script, the operations table, the series, then each operation's SQL. */
final class TerminalReport {

    private TerminalReport() {
    }

    static void print(ComparisonResult result, PrintStream out) {
        out.println();
        out.println("The seed script: Alice with \"First Post\" and \"Second Post\", in three libraries.");
        result.seedScript().forEach(run -> SeedScript.print(run, out));
        out.printf("%nStatements per step (save + walk + read back):%n");
        result.seedScript().forEach(run -> out.printf("  %-14s %s%n", run.library().name(), run.statementsPerStep()));

        out.printf("%nEvery operation, side by side. %s%n%s%n%n", Legend.scenario(result.settings()), Legend.CELL);
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Operation"));
        Library.ALL.forEach(library -> header.add(library.name()));
        table.add(header);
        for (Operation operation : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(operation.title()));
            result.row(operation).forEach(cell -> row.add(Formats.cell(cell)));
            table.add(row);
        }
        printTable(table, out);
        out.println();
        wrap(Legend.STATEMENTS, out);
        wrap(Legend.ROWS, out);
        wrap(Legend.times(result.settings(), result.environment()), out);

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

        out.printf("%nThe SQL each library sent, per operation:%n");
        for (Operation operation : Operation.values()) {
            out.printf("%n== %s: %s%n", operation.title(), operation.description());
            for (Cell cell : result.row(operation)) {
                out.printf("%n  -- %s: %s%n", cell.library().name(), Formats.statements(cell.statements()));
                for (SqlFormatter.Block block : SqlFormatter.blocks(cell.sql())) {
                    if (block.times() > 1) {
                        out.printf("    -- sent %d times:%n", block.times());
                    }
                    block.sql().lines().forEach(line -> out.println("    " + line));
                }
            }
        }
        out.println();
        out.println("Environment:");
        Legend.environment(result.environment()).forEach(pair -> out.printf("  %-17s %s%n", pair[0], pair[1]));
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
