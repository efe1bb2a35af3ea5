package onetomany.comparison;

import java.util.List;

import onetomany.comparison.ComparisonResult.Environment;

/** The words every rendering of the report shares: what a cell means, and how far its times can be trusted. */
final class Legend {

    static final String CELL = "Each cell: statements · rows.";

    static final String TIME_CELL = "Each cell: the median time of one call in the steady state, its interquartile "
            + "range in brackets (the middle half of the measured calls), and its ratio to the fastest library for "
            + "the same operation.";

    static final String COLD = "Cold start, a different question from the steady state (it matters to short-lived "
            + "processes and to tests): each library's start-up (building its repository over the DataSource: "
            + "Hibernate's bootstrap with its schema validation, MyBatis's configuration with the mapper XML parsed, "
            + "Jdbi's creation with its row mappers), then the first call of each operation, in table order, before "
            + "any warm-up, on freshly seeded tables. The libraries start one after the other in one JVM, after the "
            + "pool, the driver and the counting proxy were loaded by plain JDBC; the first operation also pays for "
            + "what every later call of the library shares (its first transaction, its first statement). One call "
            + "each: a single sample, not a median.";

    static final String NOT_COLD = "Not cold: the libraries had already run in this JVM (on the database before "
            + "this one), so these are the start-up and first calls of a warm JVM, where only the database and "
            + "its driver are new. The first database's cold start is the cold one.";

    static final String JMH = "The same operations in JMH: " + JmhRows.WHERE + " (seconds of warm-up and "
            + "measurement per figure, in JVMs of their own, on 1,000 to 10,000 users × 10 posts): the reference "
            + "for speed; this report's tables are small (the per-call overhead weighs more) and its budget short.";

    static final String STATEMENTS = "Statements: JDBC executions counted by the proxy around the DataSource "
            + "(onetomany.db.Database, the one the tests use); exact, and checked against the contract in every "
            + "call: reads 1 (JOINED, find one user, posts with authors), 1 + one per 500 users (SELECT_IN), "
            + "2 (SUBQUERY), N + 1 (NAIVE); writes each library's StatementBudget.";

    static final String ROWS = "Rows: for a read, the objects it returned (users + posts; for posts with "
            + "authors, posts + their distinct authors); for a write, the table rows it inserted, changed or "
            + "deleted, found by comparing both tables before and after the call.";

    private Legend() {
    }

    /** How the steady-state times were taken, with the machine that measured them. */
    static String times(ComparisonRunner.Settings settings, Environment environment) {
        return ("Steady-state times: %s. Calls: warm-up + measured; * marks a cell whose warm-up ran out of "
                + "budget before its times settled (measured all the same). Wall-time budgets per cell, so the "
                + "whole report stays within seconds; in one JVM on %s, %d cores, %s, on a machine that may be "
                + "doing other work. Compare the columns with each other, not with another machine's.")
                .formatted(settings.rule().describe(), environment.os(), environment.cores(),
                        environment.database());
    }

    /** The tables the calls run on. */
    static String scenario(ComparisonRunner.Settings settings) {
        return ("Reads run on %d users with %d posts each (the first user is the one found); a write acts on a user "
                + "with %d posts that no earlier call touched, the first of %d (the tables are seeded again every "
                + "%d calls, untimed).")
                .formatted(settings.users(), settings.postsPerUser(), settings.postsPerUser(), settings.users(),
                        settings.rule().window());
    }

    /** The environment of a report as label and value pairs: the first run's, with every run's database. */
    static List<String[]> environment(Report report) {
        List<ComparisonResult> results = report.results();
        String databases = String.join("; ", results.stream().map(r -> r.environment().database()).toList());
        String load = report.single() ? results.get(0).environment().load() : String.join("; ", results.stream()
                .map(r -> r.kind().displayName() + ": " + r.environment().load()).toList());
        return environment(results.get(0).environment()).stream()
                .map(pair -> pair[0].equals("Database") ? new String[] {"Database", databases}
                        : pair[0].equals("Load average") ? new String[] {"Load average", load} : pair)
                .toList();
    }

    /** The environment as label and value pairs. */
    static List<String[]> environment(Environment environment) {
        return List.of(
                new String[] {"JDK", environment.jdk()},
                new String[] {"Operating system", environment.os() + ", " + environment.cores() + " cores"},
                new String[] {"Database", environment.database()},
                new String[] {"Libraries", String.join(", ", environment.libraries())},
                new String[] {"Load average", environment.load()});
    }
}
