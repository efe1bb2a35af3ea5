package onetomany.db;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;

/**
 * Counts the JDBC statements a library opens through the proxy and the ones it closes, so that a test can say
 * "nothing was left open". A result set needs no count of its own: closing its statement closes it.
 * Connections are counted by the pool ({@link Database#activeConnections()}).
 */
final class JdbcResources implements MethodExecutionListener {

    private final AtomicInteger opened = new AtomicInteger();
    private final Set<Object> closed = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @Override
    public void beforeMethod(MethodExecutionContext context) {
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
        } else if (context.getTarget() instanceof Statement && method.equals("close")) {
            closed.add(context.getTarget());
        }
    }

    /** Statements opened through the proxy and not closed (yet). */
    int openStatements() {
        return opened.get() - closed.size();
    }

    int openedStatements() {
        return opened.get();
    }
}
