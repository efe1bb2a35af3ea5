package onetomany.unitofwork;

import java.util.function.Consumer;

/**
 * Carries what the caller's consumer threw out of a library's unit of work, so that it is not mistaken for a
 * failure of the library: {@code forEachUserWithPosts} gives the consumer's own exception back to the caller
 * unchanged, once the transaction is rolled back and the connection and statement are closed, where a failure of
 * the database or the library becomes the contract's {@code RepositoryException}.
 *
 * <p>Each module wraps the consumer with {@link #guard(Consumer)} before the library calls it, and hands whatever
 * its library threw to {@link #rethrowConsumersOwn(Throwable)} before translating it. Errors are not wrapped:
 * they go through the library as they are.
 */
public final class ConsumerFailure extends RuntimeException {

    private ConsumerFailure(RuntimeException consumersOwn) {
        super(consumersOwn.getMessage(), consumersOwn, false, false);
    }

    /** The consumer, its runtime exceptions wrapped in a {@code ConsumerFailure}. */
    public static <T> Consumer<T> guard(Consumer<T> consumer) {
        return value -> {
            try {
                consumer.accept(value);
            } catch (RuntimeException e) {
                throw new ConsumerFailure(e);
            }
        };
    }

    /**
     * Throws the consumer's own exception when {@code failure} is, or was caused by, a {@code ConsumerFailure};
     * returns otherwise, for the caller to translate {@code failure}.
     */
    public static void rethrowConsumersOwn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConsumerFailure carried) {
                throw (RuntimeException) carried.getCause();
            }
        }
    }
}
