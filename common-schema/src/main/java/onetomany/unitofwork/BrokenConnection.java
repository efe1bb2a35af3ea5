package onetomany.unitofwork;

import java.sql.Connection;

/**
 * What a unit of work does with its connection after an {@link Error} (out of memory, a stack overflow), before it
 * rolls back: an error can strike in the middle of the driver's own work, while it reads a result, and leave the
 * connection out of step with its server. MariaDB Connector/J then believes that no transaction is open (the server
 * says so only at the end of the result, which was never read), so its {@code rollback()} sends nothing, while the
 * server waits to send the rest of the result with the transaction open. Given back to the pool as it is, such a
 * connection keeps that transaction open until someone uses it. (H2's TCP client can lose its place in the protocol
 * too, and wait for ever in the rollback; its {@code abort} does nothing, so no unit of work can end that wait: see
 * docs/reliability.md.)
 *
 * <p>So the connection is asked whether it still answers ({@link Connection#isValid}, one round trip, paid only after
 * an error); if it does not, it is aborted ({@link Connection#abort}): the socket is closed, the server ends the
 * session and rolls its transaction back, and the pool drops the connection when it next touches it. A connection that
 * answers is rolled back and given back as after any failure.
 */
public final class BrokenConnection {

    /** How long the connection may take to answer, in seconds. */
    static final int ANSWER_SECONDS = 2;

    private BrokenConnection() {
    }

    /**
     * Aborts {@code connection} if it no longer answers. Whatever fails here (the check itself, the abort) is attached
     * to {@code failure}, the error the caller rethrows; a check that fails counts as no answer.
     */
    public static void abortIfItDoesNotAnswer(Connection connection, Throwable failure) {
        try {
            if (connection.isValid(ANSWER_SECONDS)) {
                return;
            }
        } catch (Throwable checkFailure) { // a driver out of step may throw anything here (MariaDB: an index error)
            Suppressed.attach(failure, checkFailure);
        }
        try {
            connection.abort(Runnable::run);
        } catch (Throwable abortFailure) {
            Suppressed.attach(failure, abortFailure);
        }
    }
}
