package onetomany.unitofwork;

/**
 * What failed while a unit of work cleaned up after a failure (the rollback, the close), attached to the failure the
 * caller rethrows, unless it is that very failure: a driver can rethrow the error that broke it (PgJDBC, asked
 * whether the connection is valid after an {@code OutOfMemoryError} in the middle of a result, throws the same
 * error again), and {@link Throwable#addSuppressed} refuses to attach a throwable to itself with an
 * {@code IllegalArgumentException} that would take the error's place.
 */
public final class Suppressed {

    private Suppressed() {
    }

    /** Attaches {@code cleanupFailure} to {@code failure} as suppressed, if it is another throwable. */
    public static void attach(Throwable failure, Throwable cleanupFailure) {
        if (cleanupFailure != failure) {
            failure.addSuppressed(cleanupFailure);
        }
    }
}
