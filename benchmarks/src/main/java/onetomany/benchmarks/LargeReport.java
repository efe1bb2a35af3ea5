package onetomany.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import onetomany.libraries.Library;
import org.openjdk.jmh.results.RunResult;

/** The {@code large} profile's Markdown report: the stream beside {@code JOINED}, then the statement table. */
final class LargeReport {

    private LargeReport() {
    }

    private static final Map<String, String> CONTRACT = Map.of(
            "JOINED", "1", "SELECT_IN", "1 + ⌈N / 500⌉", "SUBQUERY", "2", "NAIVE", "1 + N",
            "posts with authors", "1", "stream", "1");

    static String markdown(Collection<RunResult> results, LargeMeasurements m, double loadBefore, double loadAfter,
                           Duration wall) {
        StringBuilder md = new StringBuilder(Report.header("large", m.database, loadBefore, loadAfter, wall));

        md.append(String.format(Locale.ROOT, "A million posts, %,d users × %d, read by each module as a stream ",
                        LargeReadBenchmark.USERS, LargeReadBenchmark.POSTS_PER_USER))
                .append("(`forEachUserWithPosts`) and as one list (`JOINED`). Time: JMH's single-shot time of one ")
                .append("read (1 warm-up read, 3 measured, in a JVM of 2 GB with the database); allocated: ")
                .append("`gc.alloc.rate.norm`. Heap kept alive: heap in use after a full GC minus before the read, ")
                .append("in a JVM of its own reaching the database over its driver (`HeapWalk`), after a first read ")
                .append("that filled the caches: for the stream, the largest of 5 samples taken during the walk, one ")
                .append("user in hand, walked in ").append(heap(LargeMeasurements.SMALL_HEAP))
                .append("; for `JOINED`, ")
                .append("the whole list held, read in ").append(heap(LargeMeasurements.LARGE_HEAP)).append(". ")
                .append("Last column: the same read in a JVM of ").append(heap(LargeMeasurements.SMALL_HEAP))
                .append(".\n\n");
        md.append("| Read | Library | Time | Allocated / op | Heap kept alive | In ")
                .append(heap(LargeMeasurements.SMALL_HEAP)).append(" |\n|---|---|---|---|---|---|\n");
        for (String read : List.of("stream", "JOINED")) {
            String benchmark = "LargeReadBenchmark." + (read.equals("stream") ? "stream" : "joined");
            for (String library : LargeReadBenchmark.MODULES) {
                Optional<RunResult> r = Report.find(results, benchmark, null, library);
                String kept = walk(m, library, read, read.equals("stream") ? LargeMeasurements.SMALL_HEAP
                        : LargeMeasurements.LARGE_HEAP)
                        .filter(LargeMeasurements.Walk::completed).map(w -> Report.bytes(w.retainedBytes()))
                        .orElse("—");
                String small = walk(m, library, read, LargeMeasurements.SMALL_HEAP).map(LargeReport::outcome)
                        .orElse("—");
                md.append("| ").append(read.equals("stream") ? "stream" : "`JOINED`")
                        .append(" | ").append(Library.of(library).name())
                        .append(" | ").append(r.map(Report::score).orElse("—"))
                        .append(" | ").append(r.flatMap(Report::allocated).map(Report::bytes).orElse("—"))
                        .append(" | ").append(kept)
                        .append(" | ").append(small).append(" |\n");
            }
        }

        md.append("\nStatements sent versus N users, counted by the proxy DataSource (one post per user: the counts ")
                .append("do not depend on it), each checked against the contract's (`LoadStrategy.statements(N)`; ")
                .append("a count that differs is shown as `counted ≠ contract`):\n\n| Read | Library |");
        for (int n : LargeMeasurements.N) {
            md.append(String.format(Locale.ROOT, " N = %,d |", n));
        }
        md.append(" Contract |\n|---|---|").append("---:|".repeat(LargeMeasurements.N.length)).append("---|\n");
        for (LargeMeasurements.Counted row : m.statements) {
            md.append("| ").append(row.read().equals(row.read().toUpperCase(Locale.ROOT))
                            ? "`" + row.read() + "`" : row.read())
                    .append(" | ").append(row.library()).append(" |");
            for (int i = 0; i < row.counted().size(); i++) {
                int counted = row.counted().get(i);
                int expected = row.expected().get(i);
                md.append(counted == expected ? String.format(Locale.ROOT, " %,d |", counted)
                        : String.format(Locale.ROOT, " **%,d ≠ %,d** |", counted, expected));
            }
            md.append(' ').append(CONTRACT.get(row.read())).append(" |\n");
        }
        return md.toString();
    }

    private static Optional<LargeMeasurements.Walk> walk(LargeMeasurements m, String library, String read,
                                                         String heap) {
        return m.walks.stream()
                .filter(w -> w.library().equals(library) && w.read().equals(read) && w.heap().equals(heap))
                .findFirst();
    }

    private static String outcome(LargeMeasurements.Walk walk) {
        if (walk.completed()) {
            return "completes, peak " + Report.bytes(walk.peakBytes());
        }
        return walk.outOfMemory() ? "`OutOfMemoryError`" : "**failed** (exit " + walk.exitCode() + ")";
    }

    /** "-Xmx64m" as "64 MB". */
    private static String heap(String option) {
        String size = option.substring("-Xmx".length());
        return size.substring(0, size.length() - 1) + (size.endsWith("g") ? " GB" : " MB");
    }
}
