package onetomany.db;

import java.sql.SQLException;
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
 */
public final class SqlErrors {

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
            return new RepositoryException(RepositoryException.Reason.DATABASE_ERROR, null,
                    String.valueOf(failure.getMessage()), failure);
        }
        String state = String.valueOf(sql.getSQLState());
        int code = sql.getErrorCode();
        String message = String.valueOf(sql.getMessage());
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
        if (state.startsWith("40") || state.equals("HYT00") || code == 1205 || code == 50200) {
            // 40001 deadlock or serialization failure (all three), 40P01 PostgreSQL's deadlock; HYT00/50200 H2's
            // lock timeout, 1205 MariaDB's.
            return new RepositoryException(RepositoryException.Reason.CONFLICT, null,
                    "a concurrent unit of work got in the way (SQLState " + state + "): " + message, failure);
        }
        if (missingParent && referencedUserId != null) {
            return new RepositoryException(RepositoryException.Reason.UNKNOWN_USER, null,
                    "user " + referencedUserId + " does not exist", failure);
        }
        return new RepositoryException(RepositoryException.Reason.DATABASE_ERROR, null,
                "the database refused the statement (SQLState " + state + "): " + message, failure);
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
