package onetomany.comparison;

import java.util.Optional;

import onetomany.operations.Operation;

/**
 * Where the JMH figure of an operation is: the row of the operations tables under "Latest results" in
 * {@code benchmarks/README.md}, which measure the same repository methods, in JVMs of their own, for seconds per
 * figure, on larger tables. An operation the benchmarks do not measure has none. The rows are named in the
 * report's texts ({@code jmh.NAME}, by the name of the {@link Operation} constant, so that an operation added to
 * the catalogue simply has no row until one is named); these methods give the English names.
 */
final class JmhRows {

    private JmhRows() {
    }

    static Optional<String> of(Operation operation) {
        return Texts.ENGLISH.jmhRow(operation);
    }

    /** The row, or a dash. */
    static String text(Operation operation) {
        return Legend.jmhRow(operation, Texts.ENGLISH);
    }
}
