package onetomany.db;

/**
 * The database this run asked for cannot be reached. Its message is the whole story (which database, which URL,
 * which switch, how to start it), so it carries no stack trace: one clear line instead of a wall of them.
 */
public class DatabaseUnavailableException extends IllegalStateException {

    DatabaseUnavailableException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
