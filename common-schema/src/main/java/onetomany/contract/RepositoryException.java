package onetomany.contract;

import java.util.Optional;

/**
 * The one exception type of the contract, whatever the library or the database says.
 *
 * <p>Every implementation translates its library's exceptions (Hibernate's {@code PropertyValueException} and
 * {@code ConstraintViolationException}, MyBatis's {@code PersistenceException}, Jdbi's
 * {@code UnableToExecuteStatementException}) into this one, and rolls back the unit of work first: when it is
 * thrown, the database is exactly as it was before the call — with one exception that no library can avoid,
 * {@link Reason#OUTCOME_UNKNOWN}: the connection broke while the commit was on its way, and the database may have
 * stored the whole unit of work (never a part of it). A unit of work whose commit succeeded is a success, whatever
 * fails after it (resetting the connection, giving it back to the pool).
 */
public class RepositoryException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** A NOT NULL column got no value; {@link #field()} names it. */
        MISSING_VALUE,
        /**
         * A value is longer than its column allows, counted in characters (Unicode code points, as PostgreSQL's
         * {@code char_length} counts them); {@link #field()} names it.
         */
        VALUE_TOO_LONG,
        /**
         * A text holds a character no database of the contract stores as given: the NUL character (U+0000), which
         * PostgreSQL cannot store in text, or a lone surrogate; {@link #field()} names the column. Refused before
         * any statement, on every database ({@link TextChecks}).
         */
        INVALID_CHARACTER,
        /**
         * An argument outside what the operation accepts (a page's limit below 1 or above
         * {@link Limits#PAGE_SIZE_MAX}, a negative id to start after): refused before any statement; the message
         * names the argument and its range.
         */
        INVALID_ARGUMENT,
        /** No user has the given id; the message names the id. */
        UNKNOWN_USER,
        /** No post has the given id (for the given user); the message names the id. */
        UNKNOWN_POST,
        /**
         * Another unit of work got in the way (a deadlock, a lock wait that timed out, a serialization failure), or
         * a {@link UserDraft} was read at an older version than the user's (someone saved him since: writing the
         * draft would be a lost update): nothing was written, and trying again may succeed (for a draft: read the
         * user again, re-apply the change, save).
         */
        CONFLICT,
        /**
         * The connection broke before the unit of work was committed (the server ended it, the network failed):
         * the database rolled the unit of work back, nothing was written, and trying again is safe.
         */
        CONNECTION_LOST,
        /**
         * The connection broke while the commit was on its way: the unit of work may or may not be stored, and
         * nobody can tell from here. Look before trying again (a blind retry of a create may make a duplicate).
         */
        OUTCOME_UNKNOWN,
        /**
         * No connection could be had in time (every connection of the pool is busy, or the database does not
         * answer): nothing was sent, and trying again later is safe.
         */
        UNAVAILABLE,
        /** A statement ran longer than the statement timeout and was cancelled: nothing was written. */
        TIMEOUT,
        /** Anything else the database refused, or could not do. */
        DATABASE_ERROR
    }

    private final Reason reason;
    private final String field;

    public RepositoryException(Reason reason, String field, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.field = field;
    }

    public static RepositoryException missingValue(String field, Throwable cause) {
        return new RepositoryException(Reason.MISSING_VALUE, field, field + " must not be null", cause);
    }

    public static RepositoryException valueTooLong(String field, Throwable cause) {
        return new RepositoryException(Reason.VALUE_TOO_LONG, field, field + " is too long", cause);
    }

    /** A text with a character no database stores as given; {@code what} says which and where, never the text. */
    public static RepositoryException invalidCharacter(String field, String what) {
        return new RepositoryException(Reason.INVALID_CHARACTER, field, field + " contains " + what
                + ", which is not stored on every database", null);
    }

    /** An argument out of its range; {@code range} says what is accepted, e.g. {@code "1 to 500"}. */
    public static RepositoryException invalidArgument(String argument, Object value, String range) {
        return new RepositoryException(Reason.INVALID_ARGUMENT, null,
                argument + " must be " + range + ", was " + value, null);
    }

    public static RepositoryException unknownUser(Object userId) {
        return new RepositoryException(Reason.UNKNOWN_USER, null, "user " + userId + " does not exist", null);
    }

    public static RepositoryException unknownPost(Object postId) {
        return new RepositoryException(Reason.UNKNOWN_POST, null, "post " + postId + " does not exist", null);
    }

    public static RepositoryException unknownPostOfUser(Object postId, Object userId) {
        return new RepositoryException(Reason.UNKNOWN_POST, null,
                "post " + postId + " does not exist or does not belong to user " + userId, null);
    }

    /** A draft read at {@code draftVersion} of a user who is at another version now. */
    public static RepositoryException staleDraft(Object userId, long draftVersion, long currentVersion) {
        return new RepositoryException(Reason.CONFLICT, null, "user " + userId + " was changed since the draft was read"
                + " (draft at version " + draftVersion + ", the user at " + currentVersion + "): nothing was saved",
                null);
    }

    /** A versioned update of a user that found his row at another version: a concurrent save got there first. */
    public static RepositoryException concurrentChange(Object userId, Throwable cause) {
        return new RepositoryException(Reason.CONFLICT, null, "user " + userId
                + " was changed by a concurrent unit of work: nothing was saved", cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The column at fault as {@code table.column} (e.g. {@code users.name}), when there is one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
