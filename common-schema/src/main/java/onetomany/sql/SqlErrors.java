package onetomany.sql;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.contract.Limits;
import onetomany.contract.RepositoryException;

/**
 * Translates what a database refused into the contract's {@link RepositoryException}, the same way for every
 * library: each module finds the {@link SQLException} behind its library's own exception and hands it here.
 *
 * <p>The SQLState says what kind of refusal it is (class 23 for integrity, 22001 for a value too long); the
 * vendor code says it where SQLState is too coarse (MariaDB reports 23000 for both a null and a foreign key).
 * The column comes from the message, since no JDBC API carries it.
 *
 * <p>No message built here copies the driver's or the library's text: a driver may repeat the statement with its
 * bound values (PostgreSQL's {@code Batch entry 0 insert into posts ... values (...)}), the user's data, which has
 * no place in a message that goes to logs. The message keeps the reason, the column ({@code table.column}) and the
 * SQLState with the vendor code; the library's exception stays the cause, for debugging, its message not copied.
 */
public final class SqlErrors {

    private static final System.Logger LOG = System.getLogger(SqlErrors.class.getName());

    /** Columns of the schema by name: a column name is unique across the two tables. */
    private static final Map<String, String> FIELDS = Map.of(
            "name", "users.name",
            "title", "posts.title",
            "content", "posts.content",
            "user_id", "posts.user_id");

    /** {@code column "NAME"} (H2, PostgreSQL), {@code column 'name'} (MariaDB). */
    private static final Pattern COLUMN = Pattern.compile("column\\s+[\"'`]?(\\w+)", Pattern.CASE_INSENSITIVE);

    /** PostgreSQL names no column for a value too long, only the type: {@code character varying(100)}. */
    private static final Pattern VARCHAR_LENGTH = Pattern.compile("varying\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);

    private SqlErrors() {
    }

    /** As {@link #translate(Throwable, Object)}, for a statement that refers to no user id. */
    public static RepositoryException translate(Throwable failure) {
        return translate(failure, null);
    }

    /**
     * @param failure          what the library threw
     * @param referencedUserId the user id the failed statement referred to; named in the message when the foreign
     *                         key refuses it
     */
    public static RepositoryException translate(Throwable failure, Object referencedUserId) {
        if (failure instanceof RepositoryException translated) {
            return translated;
        }
        SQLException sql = sqlException(failure);
        if (sql == null) {
            // A library's own message may quote the statement or the entity with its values: only its type here.
            return new RepositoryException(RepositoryException.Reason.DATABASE_ERROR, null,
                    "the library failed (" + failure.getClass().getName() + ")", failure);
        }
        String state = String.valueOf(sql.getSQLState());
        int code = sql.getErrorCode();
        String message = String.valueOf(sql.getMessage()); // read for the column, never copied: see the class doc
        String codes = "SQLState " + state + ", vendor code " + code;
        if (sql instanceof SQLTransientConnectionException) {
            // What a pool throws when it has no connection to give within its timeout (HikariCP: "Connection is
            // not available, request timed out"), whether all are busy or the server does not answer.
            return new RepositoryException(RepositoryException.Reason.UNAVAILABLE, null,
                    "no database connection could be had in time (" + codes + ")", failure);
        }
        if (connectionLost(sql)) {
            return new RepositoryException(RepositoryException.Reason.CONNECTION_LOST, null,
                    "the connection to the database was lost before the commit; nothing was written (" + codes
                            + ")", failure);
        }
        if (state.equals("23502") || code == 1048) {
            return RepositoryException.missingValue(field(message), failure);
        }
        if (state.equals("22001") || code == 1406) {
            return RepositoryException.valueTooLong(field(message), failure);
        }
        // A foreign key refuses two things: a child row whose parent is missing (which is what an unknown user
        // id looks like), and deleting a parent that still has children (a bug: the cascade was skipped).
        boolean missingParent = state.equals("23506") // H2; its 23503 is "still referenced"
                || (state.equals("23503") && message.toLowerCase(Locale.ROOT).contains("is not present"))
                || code == 1452; // MariaDB, "cannot add or update a child row"; 1451 is "still referenced"
        if (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03") || code == 1205
                || code == 50200) {
            // 40001 deadlock or serialization failure (all three), 40P01 PostgreSQL's deadlock; HYT00/50200 H2's
            // lock timeout, 55P03 PostgreSQL's (lock_timeout), 1205 MariaDB's (innodb_lock_wait_timeout).
            return new RepositoryException(RepositoryException.Reason.CONFLICT, null,
                    "a concurrent unit of work got in the way (" + codes + ")", failure);
        }
        if (sql instanceof SQLTimeoutException || state.equals("57014") || code == 1969) {
            // After the lock timeouts above (H2 reports its lock timeout as an SQLTimeoutException): 57014
            // PostgreSQL's and H2's cancelled statement (statement_timeout, QUERY_TIMEOUT); 1969 MariaDB's
            // max_statement_time.
            return new RepositoryException(RepositoryException.Reason.TIMEOUT, null,
                    "the statement ran past its timeout and was cancelled (" + codes + ")", failure);
        }
        if (missingParent && referencedUserId != null) {
            return new RepositoryException(RepositoryException.Reason.UNKNOWN_USER, null,
                    "user " + referencedUserId + " does not exist", failure);
        }
        return new RepositoryException(RepositoryException.Reason.DATABASE_ERROR, null,
                "the database refused the statement (" + codes + ")", failure);
    }

    /**
     * Translates what failed while the unit of work was being committed. The database may have received the commit
     * and stored everything before the connection broke, or not: a lost connection here is
     * {@link RepositoryException.Reason#OUTCOME_UNKNOWN}, never "nothing was written". Anything else is what the
     * database answered to the commit (a deferred check, a serialization failure): it refused, nothing was stored.
     */
    public static RepositoryException translateAtCommit(Throwable failure, Object referencedUserId) {
        SQLException sql = sqlException(failure);
        if (sql != null && !(sql instanceof SQLTransientConnectionException) && connectionLost(sql)) {
            return new RepositoryException(RepositoryException.Reason.OUTCOME_UNKNOWN, null,
                    "the connection to the database was lost while committing: the unit of work may or may not be "
                            + "stored (SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode() + ")",
                    failure);
        }
        return translate(failure, referencedUserId);
    }

    /**
     * Notes a failure that came after a successful commit (resetting the connection's auto-commit, closing it,
     * giving it back to the pool). It is not the unit of work's failure: the work is stored, and the caller is told
     * so by a normal return. The pool discards a connection that broke; this only leaves a trace.
     */
    public static void afterCommit(Throwable failure) {
        LOG.log(System.Logger.Level.WARNING,
                "ignored after a successful commit (the unit of work is stored): " + failure, failure);
    }

    /**
     * Whether the failure says that the connection is gone: SQLState class 08 (connection exception, all three
     * databases), PostgreSQL's 57P01-57P03 (the server ended the session: {@code pg_terminate_backend}, a shutdown),
     * MariaDB's 1927 ({@code KILL CONNECTION}), H2's 90067, 90098, 90121 and 90007 (a broken, closed or aborted
     * session) and its general error 50000 when it comes of the session being gone (H2 closing a session under a
     * running statement fails inside it with a {@code NullPointerException} on its {@code session} field), a
     * driver's {@link SQLNonTransientConnectionException}, or HikariCP's "Connection is closed" (no SQLState), which a
     * unit of work meets after the pool discarded its broken connection under it. Any exception chained to the first
     * one is looked at too: drivers put the socket's failure behind their own.
     */
    static boolean connectionLost(SQLException first) {
        for (Throwable t = first; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = String.valueOf(e.getSQLState());
                    int code = e.getErrorCode();
                    if (e instanceof SQLNonTransientConnectionException || state.startsWith("08")
                            || e.getSQLState() == null && "Connection is closed".equals(e.getMessage())
                            || state.startsWith("57P0") || code == 1927
                            || code == 90067 || code == 90098 || code == 90121 || code == 90007
                            || code == 50000 && h2SessionGone(e)) {
                        return true;
                    }
                    if (e.getNextException() == e) {
                        break;
                    }
                }
            }
        }
        return false;
    }

    /** H2's general error whose cause is its own session closed under it: {@code this.session} is null. */
    private static boolean h2SessionGone(SQLException e) {
        return e.getCause() instanceof NullPointerException npe && npe.getMessage() != null
                && npe.getMessage().contains("\"this.session\" is null");
    }

    /** The first {@link SQLException} in the cause chain, or null. */
    public static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String field(String message) {
        Matcher column = COLUMN.matcher(message);
        if (column.find()) {
            String field = FIELDS.get(column.group(1).toLowerCase(Locale.ROOT));
            if (field != null) {
                return field;
            }
        }
        Matcher length = VARCHAR_LENGTH.matcher(message);
        if (length.find()) {
            int max = Integer.parseInt(length.group(1));
            if (max == Limits.USER_NAME_LENGTH) {
                return "users.name";
            }
            if (max == Limits.POST_TITLE_LENGTH) {
                return "posts.title";
            }
        }
        return "unknown column";
    }
}
