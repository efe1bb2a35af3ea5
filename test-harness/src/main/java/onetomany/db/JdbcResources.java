package onetomany.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;

/**
 * Counts the JDBC statements a library opens through the proxy and the ones still open, so that a test can say
 * "nothing was left open". A result set needs no count of its own: closing its statement closes it.
 * Connections are counted by the pool ({@link Database#activeConnections()}).
 *
 * <p>A statement is closed when its {@code close()} was called, or when the driver says it is closed as its
 * connection is given back: MyBatis reads a {@code Cursor} from a statement set to {@code closeOnCompletion()},
 * which the driver closes itself when the cursor closes the result set, without a {@code close()} call through
 * the proxy. It is asked before the connection closes, since the pool closes whatever its connection still holds
 * open, and would hide a statement left open.
 */
final class JdbcResources implements MethodExecutionListener {

    private final AtomicInteger opened = new AtomicInteger();
    /** Statements opened and not closed through the proxy's {@code close()}. */
    private final Set<Statement> notClosed = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    @Override
    public void beforeMethod(MethodExecutionContext context) {
        if (context.getTarget() instanceof Connection && context.getMethod().getName().equals("close")) {
            synchronized (notClosed) {
                notClosed.removeIf(JdbcResources::isClosed);
            }
        }
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        if (context.getThrown() != null) {
            return;
        }
        String method = context.getMethod().getName();
        if (context.getTarget() instanceof Connection
                && (method.equals("createStatement") || method.startsWith("prepare"))) {
            opened.incrementAndGet();
            if (context.getResult() instanceof Statement statement) {
                notClosed.add(statement);
            }
        } else if (context.getTarget() instanceof Statement statement && method.equals("close")) {
            notClosed.remove(statement);
        }
    }

    /** Statements opened through the proxy and not closed (yet), by {@code close()} or by the driver. */
    int openStatements() {
        return notClosed.size();
    }

    int openedStatements() {
        return opened.get();
    }

    private static boolean isClosed(Statement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }
}
