package onetomany.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Real faults, armed at a chosen moment of a unit of work: before its {@code n}-th statement, just before its
 * commit, or just after it. The action gets the pooled connection the library is using (the one inside the counting
 * proxy), and typically has the server end it ({@link Database#killSession(Connection)}), so that the library meets
 * a connection that is really gone, as it would after a network failure or an operator's kill.
 *
 * <p>Each armed fault fires once, on whichever thread reaches the moment first; {@link #clear()} disarms them.
 * Injected SQL errors on a healthy connection are {@link StatementLog#failStatement(int)}'s business.
 */
public final class Faults implements QueryExecutionListener, MethodExecutionListener {

    private int statementsToLetThrough = -1;
    private Consumer<Connection> atStatement;
    private Consumer<Connection> beforeCommit;
    private Consumer<Connection> afterCommit;
    private final List<Connection> seen = new ArrayList<>();

    /** Runs {@code action} on the connection of the {@code n}-th statement from now (1 = the next), before it runs. */
    public synchronized void atStatement(int n, Consumer<Connection> action) {
        if (n < 1) {
            throw new IllegalArgumentException("statements count from 1: " + n);
        }
        statementsToLetThrough = n - 1;
        atStatement = action;
    }

    /** Runs {@code action} on the connection of the next {@code commit()}, before it is sent. */
    public synchronized void beforeCommit(Consumer<Connection> action) {
        beforeCommit = action;
    }

    /** Runs {@code action} on the connection of the next {@code commit()} that succeeds, after it returned. */
    public synchronized void afterCommit(Consumer<Connection> action) {
        afterCommit = action;
    }

    /** Disarms every fault that has not fired. */
    public synchronized void clear() {
        statementsToLetThrough = -1;
        atStatement = null;
        beforeCommit = null;
        afterCommit = null;
    }

    /** Whether every armed fault has fired (a test checks it, so that a fault that never fired cannot pass). */
    public synchronized boolean allFired() {
        return atStatement == null && beforeCommit == null && afterCommit == null;
    }

    /** The driver's connections that statements ran on, most recent first: for ending them all at once. */
    public List<Connection> connectionsSeen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        remember(execution);
        Consumer<Connection> action;
        synchronized (this) {
            if (atStatement == null) {
                return;
            }
            if (statementsToLetThrough > 0) {
                statementsToLetThrough--;
                return;
            }
            action = atStatement;
            atStatement = null;
            statementsToLetThrough = -1;
        }
        try {
            action.accept(execution.getStatement().getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not reach the statement's connection", e);
        }
    }

    private void remember(ExecutionInfo execution) {
        try {
            Connection physical = execution.getStatement().getConnection().unwrap(Connection.class);
            synchronized (seen) {
                seen.remove(physical);
                seen.add(0, physical);
                if (seen.size() > 16) {
                    seen.remove(seen.size() - 1);
                }
            }
        } catch (SQLException e) {
            // a statement whose connection is already gone: nothing to remember
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
        if (isCommit(context)) {
            Consumer<Connection> action = take(true);
            if (action != null) {
                action.accept((Connection) context.getTarget());
            }
        }
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        if (isCommit(context) && context.getThrown() == null) {
            Consumer<Connection> action = take(false);
            if (action != null) {
                action.accept((Connection) context.getTarget());
            }
        }
    }

    private synchronized Consumer<Connection> take(boolean before) {
        Consumer<Connection> action = before ? beforeCommit : afterCommit;
        if (before) {
            beforeCommit = null;
        } else {
            afterCommit = null;
        }
        return action;
    }

    private static boolean isCommit(MethodExecutionContext context) {
        return context.getTarget() instanceof Connection && context.getMethod().getName().equals("commit");
    }
}
