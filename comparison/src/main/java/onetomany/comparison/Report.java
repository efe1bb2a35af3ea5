package onetomany.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import onetomany.db.DatabaseKind;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import onetomany.operations.OwnWay;

/**
 * The report of one command: the comparison on one database (the default, H2), or on several ({@code -Ddb=all}),
 * each one's result or why it could not run. Across databases the statements must be the same, and are checked;
 * the SQL may differ, and the renderings show it where it does.
 */
record Report(List<Report.Run> runs) {

    /**
     * One database: its result, or the one line that says why there is none: its server did not answer (not a
     * failure of the run), or the run broke on the way (a failure).
     */
    record Run(DatabaseKind kind, Optional<ComparisonResult> result, String unavailable, boolean broken) {

        static Run of(ComparisonResult result) {
            return new Run(result.kind(), Optional.of(result), null, false);
        }

        static Run unavailable(DatabaseKind kind, String why) {
            return new Run(kind, Optional.empty(), why, false);
        }

        static Run broken(DatabaseKind kind, String why) {
            return new Run(kind, Optional.empty(), why, true);
        }

        /** The id of its part of the page: {@code h2}, {@code postgres}, {@code mariadb}. */
        String id() {
            return kind.switchValue();
        }
    }

    /** One form of the SQL an operation sent in a library, and the databases it was sent to in that form. */
    record SqlVariant(List<DatabaseKind> databases, List<SqlFormatter.Block> blocks) {
    }

    Report {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report of no database");
        }
    }

    static Report of(ComparisonResult result) {
        return new Report(List.of(Run.of(result)));
    }

    /** Whether this is the report of one database (no switching between databases on the page). */
    boolean single() {
        return runs.size() == 1;
    }

    /** The results of the databases that ran, in run order. */
    List<ComparisonResult> results() {
        return runs.stream().flatMap(run -> run.result().stream()).toList();
    }

    /**
     * Every way the report differs from the contract, in English: each database's failures (named by database when
     * there are several), and every operation whose statements differ between databases in one library.
     */
    List<String> failures() {
        return failures(Texts.ENGLISH);
    }

    /** Every way the report differs from the contract, in the report's language. */
    List<String> failures(Texts texts) {
        List<String> failures = new ArrayList<>();
        runs.stream().filter(Run::broken)
                .forEach(run -> failures.add(run.kind().displayName() + ": " + run.unavailable()));
        for (ComparisonResult result : results()) {
            String prefix = single() ? "" : result.kind().displayName() + ": ";
            result.failures(texts).forEach(failure -> failures.add(prefix + failure));
        }
        List<ComparisonResult> results = results();
        if (results.size() > 1) {
            for (Place place : differingStatements()) {
                failures.add(texts.format("failure.differ", place.library().name(), place.operation().title(),
                        statementsByDatabase(place.library(), place.operation())));
            }
        }
        return failures;
    }

    /** The statements of one cell on each database, e.g. {@code H2 4, PostgreSQL 4, MariaDB 4}. */
    String statementsByDatabase(Library library, Operation operation) {
        return String.join(", ", results().stream()
                .map(r -> r.kind().displayName() + " " + r.cell(library, operation).statements()).toList());
    }

    /** One library in one operation: a row of the tables across databases. */
    record Place(Operation operation, Library library) {
    }

    /**
     * The cells whose statements differ between the databases that ran, in catalogue and registry order: none when
     * the run is right, and then the page says so in one line instead of a row per cell.
     */
    List<Place> differingStatements() {
        List<Place> differing = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (Library library : Library.ALL) {
                if (!sameStatements(library, operation)) {
                    differing.add(new Place(operation, library));
                }
            }
        }
        return differing;
    }

    /** How many cells one database's run has: every operation in every library. */
    static int cellsPerDatabase() {
        return Operation.values().length * Library.ALL.size();
    }

    /** The databases that ran, for a sentence: {@code H2, PostgreSQL, MariaDB}. */
    String namesOfRun() {
        return names(results().stream().map(ComparisonResult::kind).toList());
    }

    /** Whether one cell sent the same number of statements on every database that ran. */
    boolean sameStatements(Library library, Operation operation) {
        return results().stream().map(r -> r.cell(library, operation).statements()).distinct().count() <= 1;
    }

    /**
     * The SQL one operation sent in one library, grouped by form: one variant when every database got the same
     * text, one per form otherwise, in run order.
     */
    List<SqlVariant> sql(Library library, Operation operation, Texts texts) {
        Map<List<SqlFormatter.Block>, List<DatabaseKind>> forms = new LinkedHashMap<>();
        for (ComparisonResult result : results()) {
            forms.computeIfAbsent(SqlFormatter.blocks(result.cell(library, operation).sql(), texts),
                            k -> new ArrayList<>())
                    .add(result.kind());
        }
        return forms.entrySet().stream().map(e -> new SqlVariant(List.copyOf(e.getValue()), e.getKey())).toList();
    }

    /**
     * The SQL one library's own way sent, grouped by form as {@link #sql(Library, Operation, Texts)}, over the
     * databases where the library has it.
     */
    List<SqlVariant> sql(Library library, OwnWay way, Texts texts) {
        Map<List<SqlFormatter.Block>, List<DatabaseKind>> forms = new LinkedHashMap<>();
        for (ComparisonResult result : results()) {
            result.ownCell(library, way).ifPresent(cell -> forms.computeIfAbsent(
                    SqlFormatter.blocks(cell.sql(), texts), k -> new ArrayList<>()).add(result.kind()));
        }
        return forms.entrySet().stream().map(e -> new SqlVariant(List.copyOf(e.getValue()), e.getKey())).toList();
    }

    /**
     * The own ways shown beside {@code operation} on any database that ran, and the libraries that have each: what
     * the SQL part lists after the operation.
     */
    Map<OwnWay, List<Library>> ownWaysBeside(Operation operation) {
        Map<OwnWay, List<Library>> ways = new LinkedHashMap<>();
        for (OwnWay way : OwnWay.values()) {
            if (way.beside() != operation) {
                continue;
            }
            List<Library> libraries = Library.ALL.stream().filter(library -> results().stream()
                    .anyMatch(result -> result.ownCell(library, way).isPresent())).toList();
            if (!libraries.isEmpty()) {
                ways.put(way, libraries);
            }
        }
        return ways;
    }

    /**
     * The statements of a library's own way, for the SQL part's heading: {@code 5 stmts} when every database that
     * has it sent as many, else each database's, {@code H2 5, MariaDB 6}.
     */
    String ownStatements(Library library, OwnWay way, Texts texts) {
        List<ComparisonResult.OwnCell> cells = results().stream()
                .flatMap(result -> result.ownCell(library, way).stream()).toList();
        if (cells.stream().map(ComparisonResult.OwnCell::statements).distinct().count() == 1) {
            return Formats.statements(cells.get(0).statements(), texts);
        }
        return String.join(", ", results().stream().flatMap(result -> result.ownCell(library, way).stream()
                .map(cell -> result.kind().displayName() + " " + cell.statements())).toList());
    }

    /** The databases' names, for a variant's label: {@code H2, PostgreSQL}. */
    static String names(List<DatabaseKind> databases) {
        return String.join(", ", databases.stream().map(DatabaseKind::displayName).toList());
    }
}
