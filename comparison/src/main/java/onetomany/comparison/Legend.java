package onetomany.comparison;

import java.util.List;

import onetomany.comparison.ComparisonResult.Environment;

/** The words every rendering of the report shares: what a cell means, and how far its times can be trusted. */
final class Legend {

    static final String CELL = "Each cell: statements · rows · median time.";

    static final String STATEMENTS = "Statements: JDBC executions counted by the proxy around the DataSource "
            + "(onetomany.db.Database, the one the tests use); exact, and checked against the contract in every "
            + "call: reads 1 (JOINED, find one user, posts with authors), 1 + one per 500 users (SELECT_IN), "
            + "2 (SUBQUERY), N + 1 (NAIVE); writes each library's StatementBudget.";

    static final String ROWS = "Rows: for a read, the objects it returned (users + posts; for posts with "
            + "authors, posts + their distinct authors); for a write, the table rows it inserted, changed or "
            + "deleted, found by comparing both tables before and after the call.";

    private Legend() {
    }

    /** What the times are: indicative, with the machine that measured them. */
    static String times(ComparisonRunner.Settings settings, Environment environment) {
        return ("Times are indicative: the median of %d calls, after a warm-up pass of %d calls of every "
                + "operation, in one JVM on %s, %d cores, %s, on a machine that may be doing other work. Compare "
                + "them with each other, not with another machine's.")
                .formatted(settings.runs(), settings.warmups(), environment.os(), environment.cores(),
                        environment.database());
    }

    /** The tables every call starts from. */
    static String scenario(ComparisonRunner.Settings settings) {
        return ("Every operation runs on %d users with %d posts each "
                + "(the first user is the one found, changed or deleted).")
                .formatted(settings.users(), settings.postsPerUser());
    }

    /** The environment as label and value pairs. */
    static List<String[]> environment(Environment environment) {
        return List.of(
                new String[] {"JDK", environment.jdk()},
                new String[] {"Operating system", environment.os() + ", " + environment.cores() + " cores"},
                new String[] {"Database", environment.database()},
                new String[] {"Libraries", String.join(", ", environment.libraries())});
    }
}
