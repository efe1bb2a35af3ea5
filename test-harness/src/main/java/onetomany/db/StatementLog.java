package onetomany.db;

import java.sql.SQLException;
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
    /** Statements to let through before the armed failure; negative when none is armed. */
    private int failAfter = -1;

    StatementLog(boolean logging) {
        this.logging = logging;
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        boolean fail;
        synchronized (executed) {
            fail = failAfter == 0;
            if (failAfter >= 0) {
                failAfter--;
            }
        }
        if (fail) {
            // As if the database had refused this statement: the library sees an SQLException from execute().
            throw sneaky(new SQLException("injected failure of: " + queryInfoList.get(0).getQuery().strip(),
                    INJECTED_FAILURE_STATE));
        }
    }

    /** The SQLState of an injected failure. */
    public static final String INJECTED_FAILURE_STATE = "HY000";

    /**
     * Makes the {@code n}-th statement from now (1 = the next one) fail with an {@link SQLException} before it
     * reaches the database, once: a unit of work that fails half-way, to prove that it leaves nothing behind.
     */
    public void failStatement(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("statements are numbered from 1");
        }
        synchronized (executed) {
            failAfter = n - 1;
        }
    }

    /** Disarms a failure that {@link #failStatement(int)} armed and that has not happened. */
    public void failNothing() {
        synchronized (executed) {
            failAfter = -1;
        }
    }

    /** A listener cannot declare SQLException; the JDBC method it runs inside does, so the caller gets it as is. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
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
