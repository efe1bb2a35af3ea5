package onetomany.comparison;

import java.util.Map;
import java.util.Optional;

import onetomany.operations.Operation;

/**
 * Where the JMH figure of an operation is: the row of the operations tables under "Latest results" in
 * {@code benchmarks/README.md}, which measure the same repository methods, in JVMs of their own, for seconds per
 * figure, on larger tables. An operation the benchmarks do not measure has none.
 */
final class JmhRows {

    /** The file and section the rows are in. */
    static final String WHERE = "benchmarks/README.md, section “Latest results”";

    /** By operation name, so that an operation added to {@link Operation} simply has no row until one is named. */
    private static final Map<String, String> ROWS = Map.of(
            "CREATE_USER_WITH_POSTS", "Create a user with 10 posts",
            "FIND_ALL_JOINED", "All users with posts, JOINED, 1,000 × 10",
            "FIND_ALL_SELECT_IN", "All users with posts, SELECT_IN, 1,000 × 10",
            "FIND_ALL_NAIVE", "All users with posts, NAIVE (N+1), 1,000 × 10",
            "FIND_ALL_POSTS_WITH_AUTHORS", "All posts with authors, 10,000 × 10",
            "DELETE_USER", "Delete a user with 10 posts",
            "SAVE_USER_WITH_POSTS", "Save a user from a draft: 2 of 10 posts added, 2 edited, 1 removed");

    private JmhRows() {
    }

    static Optional<String> of(Operation operation) {
        return Optional.ofNullable(ROWS.get(operation.name()));
    }

    /** The row, or a dash. */
    static String text(Operation operation) {
        return of(operation).orElse("—");
    }
}
