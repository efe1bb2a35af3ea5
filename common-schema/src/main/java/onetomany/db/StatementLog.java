package onetomany.db;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every statement that goes through the proxy DataSource, whichever library sent it.
 *
 * <p>One entry per JDBC execution ({@code execute}, {@code executeQuery}, {@code executeUpdate},
 * {@code executeBatch}): that is a round trip to the database, and what the contract's statement budgets count.
 * A batch is one entry whose {@link Executed#batchSize()} says how many rows it carried. Tests use it as
 * reset &rarr; act &rarr; {@link #count()}.
 */
public final class StatementLog implements QueryExecutionListener {

    private static final Logger SQL = LoggerFactory.getLogger("onetomany.sql");

    /** One execution: its SQL (one per statement of a {@code Statement} batch) and its batch size (0 if none). */
    public record Executed(List<String> sql, int batchSize) {

        @Override
        public String toString() {
            String text = String.join("; ", sql);
            return batchSize > 0 ? text + "  [batch of " + batchSize + "]" : text;
        }
    }

    private final List<Executed> executed = new ArrayList<>();
    private final boolean logging;

    StatementLog(boolean logging) {
        this.logging = logging;
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        // One line per statement: MyBatis and Jdbi send their SQL laid out as it was written.
        List<String> sql = queryInfoList.stream().map(q -> q.getQuery().strip().replaceAll("\\s+", " ")).toList();
        Executed entry = new Executed(sql, execInfo.isBatch() ? execInfo.getBatchSize() : 0);
        synchronized (executed) {
            executed.add(entry);
        }
        if (logging) {
            SQL.info("{}{}", entry, parameters(queryInfoList));
        }
    }

    private static String parameters(List<QueryInfo> queryInfoList) {
        String params = queryInfoList.stream()
                .flatMap(q -> q.getParametersList().stream())
                .map(set -> set.stream()
                        .map(p -> p.getMethod().getName().equals("setNull")
                                ? "null" : String.valueOf(p.getArgs()[1]))
                        .collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(" "));
        return params.isEmpty() ? "" : "  " + params;
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        synchronized (executed) {
            executed.clear();
        }
    }

    /** How many statements were executed since the last {@link #reset()}. */
    public int count() {
        synchronized (executed) {
            return executed.size();
        }
    }

    /** The statements executed since the last {@link #reset()}, in order. */
    public List<Executed> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    @Override
    public String toString() {
        return executed().stream().map(Executed::toString).collect(Collectors.joining("\n", "", ""));
    }
}
