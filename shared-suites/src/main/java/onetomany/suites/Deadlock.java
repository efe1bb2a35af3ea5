package onetomany.suites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import onetomany.contract.RepositoryException;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The fault suite's deadlock: another client holds one of a user's posts; {@code deleteUser} locks the user, then
 * waits for that post; the other client then asks for the user. Each waits for the other, and the database must
 * break the cycle by choosing a victim.
 */
final class Deadlock {

    /**
     * How the database broke it: the delete's failure if the delete was the victim, and whether the other client
     * was.
     */
    record Outcome(Optional<RepositoryException> failure, boolean otherWasTheVictim) {
    }

    private Deadlock() {
    }

    /** Makes the cycle around {@code deleteUser(user)} and {@code post}, one of his posts; each wait within bound. */
    static Outcome ofDeleteUser(Database database, UserPostRepository repository, long user, long post,
                                Duration bound) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = database.adminConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from posts where id = ? for update")) {
                lock.setLong(1, post);
                lock.executeQuery().close();
            }
            Future<Optional<RepositoryException>> delete = pool.submit(() -> {
                try {
                    repository.deleteUser(user);
                    return Optional.empty();
                } catch (RepositoryException e) {
                    return Optional.of(e);
                }
            });
            boolean waiting = database.awaitSessionsWaitingForALock(1, bound, delete::isDone);
            if (!waiting && delete.isDone()) {
                fail("deleteUser did not wait for the post: %s", delete.get());
            }
            assertThat(waiting).as("deleteUser waits for the post").isTrue();
            boolean otherWasTheVictim = false;
            try {
                RepositoryTestSupport.lockUser(other, user);
                other.rollback();
            } catch (SQLException deadlock) {
                otherWasTheVictim = true;
                other.rollback();
            }
            return new Outcome(delete.get(bound.toSeconds(), TimeUnit.SECONDS), otherWasTheVictim);
        } finally {
            pool.shutdownNow();
        }
    }
}
