package onetomany.comparison;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import onetomany.operations.OwnWay;

/**
 * The report in the terminal: the seed script, the operations table, the series, then each operation's SQL, in the
 * language of its {@link Texts} (English by default).
 */
final class TerminalReport {

    private TerminalReport() {
    }

    /** The whole report in English. */
    static void print(Report report, PrintStream out) {
        print(report, out, Texts.ENGLISH);
    }

    /** The whole report: each database's tables, then the SQL (once where every database got the same). */
    static void print(Report report, PrintStream out, Texts texts) {
        for (Report.Run run : report.runs()) {
            if (!report.single()) {
                out.printf("%n==================== %s ====================%n", run.kind().displayName());
            }
            run.result().ifPresentOrElse(result -> print(result, out, texts),
                    () -> out.printf("%n%s%n", texts.format("main.notRun", run.kind().displayName(),
                            run.unavailable())));
        }
        if (!report.single() && !report.results().isEmpty()) {
            out.printf("%n%s%n", texts.text("heading.everywhere") + ":");
            List<Report.Place> differing = report.differingStatements();
            if (differing.isEmpty()) {
                out.println("  " + texts.format("everywhere.agree", report.namesOfRun(), Report.cellsPerDatabase()));
            } else {
                out.println("  " + texts.format("everywhere.differ", report.namesOfRun(),
                        Report.cellsPerDatabase() - differing.size()));
                for (Report.Place place : differing) {
                    out.printf("  %-33s %-16s %s  %s%n", place.operation().title(), place.library().name(),
                            report.statementsByDatabase(place.library(), place.operation()),
                            texts.text("terminal.differ"));
                }
            }
            out.printf("%n%s%n%n", texts.text("terminal.timesEverywhere"));
            printTable(timesEverywhere(report, texts), out);
        }
        sql(report, out, texts);
        if (!report.results().isEmpty()) {
            out.println();
            out.println(texts.text("terminal.environment"));
            List<String[]> environment = Legend.environment(report, texts);
            int width = environment.stream().mapToInt(pair -> pair[0].length()).max().orElse(0) + 1;
            environment.forEach(pair -> out.println("  " + pad(pair[0], width) + " " + pair[1]));
        }
    }

    /** One database's tables: the seed script, statements, steady-state times, calls, cold start, the series. */
    static void print(ComparisonResult result, PrintStream out, Texts texts) {
        out.println();
        out.println(texts.text("terminal.seed"));
        result.seedScript().forEach(run -> SeedScript.print(run, out, texts));
        out.printf("%n%s%n", texts.text("terminal.seedStatements"));
        result.seedScript().forEach(run -> out.printf("  %-16s %s%n", run.library().name(), run.statementsPerStep()));

        out.printf("%n%s %s%n%s%n%n", texts.text("terminal.operations"), Legend.scenario(result.settings(), texts),
                texts.text("legend.cell"));
        printTable(statementsTable(result, texts), out);
        out.println();
        wrap(texts.text("legend.statements"), out);
        wrap(texts.text("legend.rows"), out);
        if (!result.ownCells().isEmpty()) {
            wrap(texts.text("legend.own"), out);
            for (OwnWay way : OwnWay.values()) {
                if (result.ownCells().stream().anyMatch(cell -> cell.way() == way)) {
                    wrap(ownNote(result, way, texts), out);
                }
            }
        }

        out.printf("%n%s %s%n%n", texts.text("terminal.times"), texts.text("legend.timeCell"));
        printTable(operationTable(result, cell -> Formats.timeCell(result, cell, texts), texts, false), out);
        out.println();
        wrap(Legend.times(result.settings(), result.environment(), texts), out);

        out.printf("%n%s%n%n", texts.text("terminal.calls"));
        List<List<String>> calls = new ArrayList<>();
        List<String> callsHeader = new ArrayList<>(List.of(texts.text("column.operation")));
        Library.ALL.forEach(library -> callsHeader.add(library.name()));
        calls.add(callsHeader);
        for (Operation operation : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(operation.title()));
            result.row(operation).forEach(cell -> row.add(Formats.calls(cell)));
            calls.add(row);
        }
        printTable(calls, out);
        out.println();
        wrap(Legend.jmh(texts), out);

        out.printf("%n%s%n%n", texts.text(result.freshJvm() ? "terminal.cold" : "terminal.notCold"));
        List<List<String>> cold = new ArrayList<>();
        List<String> coldHeader = new ArrayList<>(List.of(""));
        Library.ALL.forEach(library -> coldHeader.add(library.name()));
        cold.add(coldHeader);
        List<String> startup = new ArrayList<>(List.of(texts.text("cold.startup")));
        Library.ALL.forEach(library -> startup.add(Formats.duration(result.startupOf(library).nanos(), texts)));
        cold.add(startup);
        for (Operation operation : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(texts.format("cold.firstCall", operation.title())));
            result.row(operation).forEach(cell -> row.add(Formats.duration(cell.firstCallNanos(), texts)));
            cold.add(row);
        }
        printTable(cold, out);
        out.println();
        wrap(result.freshJvm() ? texts.text("legend.cold")
                : texts.text("legend.notCold") + " " + texts.text("legend.cold"), out);

        out.printf("%n%s%n%n", texts.format("terminal.series", result.settings().postsPerUser()));
        List<List<String>> series = new ArrayList<>();
        List<String> seriesHeader = new ArrayList<>(List.of(texts.text("column.library"),
                texts.text("column.strategy")));
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

    /**
     * Each operation's time in each library on each database that ran: a header, then a row per operation and
     * library (the operation named on its first row only), a column per database; each cell {@code median [q1–q3]},
     * with {@code · fastest} where {@link ComparisonResult#fastest(Operation)} says so on that database.
     */
    static List<List<String>> timesEverywhere(Report report, Texts texts) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(texts.text("column.operation"), texts.text("column.library")));
        report.results().forEach(result -> header.add(result.kind().displayName()));
        table.add(header);
        for (Operation operation : Operation.values()) {
            for (Library library : Library.ALL) {
                List<String> row = new ArrayList<>(List.of(library.equals(Library.ALL.get(0)) ? operation.title() : "",
                        library.name()));
                for (ComparisonResult result : report.results()) {
                    Cell cell = result.cell(library, operation);
                    row.add(Formats.time(cell, texts) + (Formats.isFastest(result, cell)
                            ? " · " + texts.text("cell.fastest") : ""));
                }
                table.add(row);
            }
        }
        return table;
    }

    /**
     * The statements table: {@link #operationTable} with, after an operation, the rows of the libraries' own ways
     * beside it ({@code ↳ title}), a cell for the library that has one and {@link Formats#NONE} for the others.
     */
    static List<List<String>> statementsTable(ComparisonResult result, Texts texts) {
        return operationTable(result, cell -> Formats.cell(cell, texts), texts, true);
    }

    /** The mark of an own way's row. */
    static final String OWN = "↳ ";

    /**
     * An own way in one sentence: its row's title, whose way it is, what it does; for a save, what it did to the
     * post ids in each library that has it.
     */
    static String ownNote(ComparisonResult result, OwnWay way, Texts texts) {
        StringBuilder note = new StringBuilder(texts.format("own.note", OWN + way.title(),
                Formats.ownMark(result, way, texts), texts.own(way), way.beside().title()));
        result.ownCells().stream().filter(cell -> cell.way() == way && cell.postIds().isPresent()).forEach(cell ->
                note.append(' ').append(cell.library().name()).append(": ")
                        .append(Formats.postIds(cell.postIds().get(), texts)).append('.'));
        return note.toString();
    }

    /**
     * Operations as rows, libraries as columns, each cell rendered by {@code render}; with {@code withOwn}, each
     * operation followed by the rows of the own ways beside it.
     */
    private static List<List<String>> operationTable(ComparisonResult result, Function<Cell, String> render,
                                                     Texts texts, boolean withOwn) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(texts.text("column.operation")));
        Library.ALL.forEach(library -> header.add(library.name()));
        table.add(header);
        for (Operation operation : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(operation.title()));
            result.row(operation).forEach(cell -> row.add(render.apply(cell)));
            table.add(row);
            for (OwnWay way : withOwn ? result.ownWaysBeside(operation) : List.<OwnWay>of()) {
                List<String> own = new ArrayList<>(List.of(OWN + way.title()));
                Library.ALL.forEach(library -> own.add(Formats.ownCell(result, library, way, texts)));
                table.add(own);
            }
        }
        return table;
    }

    /** The SQL of every operation in every library; with several databases, each form labelled by its databases. */
    private static void sql(Report report, PrintStream out, Texts texts) {
        if (report.results().isEmpty()) {
            return;
        }
        out.printf("%n%s%n", texts.text(report.single() ? "terminal.sql" : "terminal.sqlEverywhere"));
        for (Operation operation : Operation.values()) {
            out.printf("%n== %s: %s%n", operation.title(), texts.operation(operation));
            for (Library library : Library.ALL) {
                Cell cell = report.results().get(0).cell(library, operation);
                out.printf("%n  -- %s: %s%n", library.name(), Formats.statements(cell.statements(), texts));
                List<Report.SqlVariant> variants = report.sql(library, operation, texts);
                for (Report.SqlVariant variant : variants) {
                    if (!report.single()) {
                        out.printf("    -- %s:%n", texts.format(variants.size() == 1 ? "sql.sameOn" : "sql.on",
                                Report.names(variant.databases())));
                    }
                    for (SqlFormatter.Block block : variant.blocks()) {
                        SqlFormatter.lines(block, texts).forEach(line -> out.println("    " + line));
                    }
                }
            }
            report.ownWaysBeside(operation).forEach((way, libraries) -> {
                out.printf("%n== %s%s (%s): %s%n", OWN, way.title(), texts.format("own.mark", String.join(", ",
                        libraries.stream().map(Library::name).toList())), texts.own(way));
                for (Library library : libraries) {
                    out.printf("%n  -- %s: %s%n", library.name(), report.ownStatements(library, way, texts));
                    List<Report.SqlVariant> variants = report.sql(library, way, texts);
                    for (Report.SqlVariant variant : variants) {
                        if (!report.single()) {
                            out.printf("    -- %s:%n", texts.format(variants.size() == 1 ? "sql.sameOn" : "sql.on",
                                    Report.names(variant.databases())));
                        }
                        for (SqlFormatter.Block block : variant.blocks()) {
                            SqlFormatter.lines(block, texts).forEach(line -> out.println("    " + line));
                        }
                    }
                }
            });
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
