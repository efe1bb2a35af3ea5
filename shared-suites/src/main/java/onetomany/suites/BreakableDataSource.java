package onetomany.suites;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A DataSource around the suite's own, whose connections can fail their next statement with a given throwable, can
 * say that they no longer answer ({@code isValid} false), as a connection does once an error has struck in the middle
 * of its driver's work, and can fail their next rollback. It counts the questions ({@code isValid}) and the aborts it
 * receives, and passes neither on: the connection underneath is healthy, and the unit of work's rollback and close
 * give it back to the pool as usual.
 */
final class BreakableDataSource {

    private final DataSource target;
    private volatile RuntimeException nextRuntimeFailure;
    private volatile Error nextError;
    private volatile SQLException nextRollbackFailure;
    private volatile boolean answers = true;
    private final AtomicInteger validityChecks = new AtomicInteger();
    private final AtomicInteger aborts = new AtomicInteger();

    BreakableDataSource(DataSource target) {
        this.target = target;
    }

    /** The next statement prepared on any connection throws {@code error}; the ones after it do not. */
    void failNextStatement(Error error) {
        nextError = error;
    }

    /** The next statement prepared on any connection throws {@code failure}; the ones after it do not. */
    void failNextStatement(RuntimeException failure) {
        nextRuntimeFailure = failure;
    }

    /**
     * The next rollback on any connection rolls back, then throws {@code failure}, as a rollback whose reply is
     * lost does; the ones after it do not throw.
     */
    void failNextRollback(SQLException failure) {
        nextRollbackFailure = failure;
    }

    /** Whether the connections say they are valid when asked. */
    void answers(boolean answers) {
        this.answers = answers;
    }

    int validityChecks() {
        return validityChecks.get();
    }

    int aborts() {
        return aborts.get();
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection((Connection) call(target, method, args));
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> call(target, method, args);
                });
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> {
                        validityChecks.incrementAndGet();
                        yield answers;
                    }
                    case "abort" -> {
                        aborts.incrementAndGet();
                        yield null;
                    }
                    case "rollback" -> {
                        Object result = call(real, method, args);
                        SQLException failure = nextRollbackFailure;
                        if (failure != null && args == null) {
                            nextRollbackFailure = null;
                            throw failure;
                        }
                        yield result;
                    }
                    case "prepareStatement", "prepareCall", "createStatement" -> {
                        throwTheNextFailure();
                        yield call(real, method, args);
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> call(real, method, args);
                });
    }

    private void throwTheNextFailure() {
        Error error = nextError;
        if (error != null) {
            nextError = null;
            throw error;
        }
        RuntimeException failure = nextRuntimeFailure;
        if (failure != null) {
            nextRuntimeFailure = null;
            throw failure;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
