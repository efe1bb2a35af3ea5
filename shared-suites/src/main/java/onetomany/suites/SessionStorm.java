package onetomany.suites;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.User;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.fixtures.Fixtures;

/**
 * The fault suite's storm: {@value #THREADS} writers create and delete users ({@value #POSTS} posts each) while
 * another thread has the server end every session of the run at random moments. It records what each write
 * returned, or the reason it gave; the suite then holds that against the tables.
 */
final class SessionStorm {

    static final int THREADS = 4;
    static final int OPERATIONS_PER_THREAD = 60;
    static final int OPERATIONS = THREADS * OPERATIONS_PER_THREAD;
    static final int POSTS = 5;

    /** Each create that returned: the user's name and the id it returned. */
    final Map<String, Long> createdAndReturned = new ConcurrentHashMap<>();
    /** Each create that failed: the user's name and the reason given. */
    final Map<String, Reason> createFailures = new ConcurrentHashMap<>();
    /** Each delete that failed: the user's id and the reason given. */
    final Map<Long, Reason> deleteFailures = new ConcurrentHashMap<>();
    /** One failure of each reason, to print. */
    final Map<Reason, RepositoryException> examples = new ConcurrentHashMap<>();
    /** Each delete that returned: the user's id. */
    final List<Long> deletedAndReturned = new CopyOnWriteArrayList<>();
    /** What a write threw that is not the contract's exception (there must be none). */
    final List<Throwable> notTheContracts = new CopyOnWriteArrayList<>();
    /** Sessions the server ended. */
    final AtomicInteger killed = new AtomicInteger();

    private SessionStorm() {
    }

    /**
     * Runs a storm to its end: first the users to delete, written by fixtures (so that a delete never depends on a
     * create that failed), then the writers and the killer; each writer must end within three times {@code bound}.
     */
    static SessionStorm run(Database database, UserPostRepository repository, Fixtures fixtures, Duration bound)
            throws Exception {
        SessionStorm storm = new SessionStorm();
        List<Long> toDelete = new ArrayList<>();
        for (int i = 0; i < OPERATIONS / 2; i++) {
            long user = fixtures.insertUser("victim " + i);
            for (int p = 0; p < POSTS; p++) {
                fixtures.insertPost(user, "victim's post " + p, null);
            }
            toDelete.add(user);
        }

        AtomicBoolean over = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<?> killer = pool.submit(() -> {
                Random random = new Random(42);
                while (!over.get()) {
                    RepositoryTestSupport.sleep(5 + random.nextInt(30));
                    storm.killed.addAndGet(database.killAllSessions());
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> storm.write(repository, thread, toDelete)));
            }
            for (Future<?> writer : writers) {
                writer.get(bound.toSeconds() * 3, TimeUnit.SECONDS);
            }
            over.set(true);
            killer.get(bound.toSeconds(), TimeUnit.SECONDS);
        } finally {
            over.set(true);
            pool.shutdownNow();
        }
        return storm;
    }

    /** One writer: creates on even steps, deletes one of {@code toDelete} on odd ones. */
    private void write(UserPostRepository repository, int thread, List<Long> toDelete) {
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            int index = thread * OPERATIONS_PER_THREAD + i;
            try {
                if (i % 2 == 0) {
                    String name = "storm " + thread + "-" + i;
                    try {
                        User user = repository.createUserWithPosts(new NewUser(name, IntStream.range(0, POSTS)
                                .mapToObj(p -> new NewPost("post " + p, null)).toList()));
                        createdAndReturned.put(name, user.getId());
                    } catch (RepositoryException e) {
                        createFailures.put(name, e.reason());
                        examples.putIfAbsent(e.reason(), e);
                    }
                } else {
                    long victim = toDelete.get(index / 2);
                    try {
                        repository.deleteUser(victim);
                        deletedAndReturned.add(victim);
                    } catch (RepositoryException e) {
                        deleteFailures.put(victim, e.reason());
                        examples.putIfAbsent(e.reason(), e);
                    }
                }
            } catch (RuntimeException | Error notOurs) {
                notTheContracts.add(notOurs);
            }
        }
    }

    /** The failures, counted by reason. */
    Map<Reason, Integer> failuresByReason() {
        Map<Reason, Integer> byReason = new EnumMap<>(Reason.class);
        createFailures.values().forEach(reason -> byReason.merge(reason, 1, Integer::sum));
        deleteFailures.values().forEach(reason -> byReason.merge(reason, 1, Integer::sum));
        return byReason;
    }

    /**
     * The writes reported as failed that the tables show committed (a create whose user is stored, a delete whose
     * user is gone), counted by the reason they gave.
     */
    Map<Reason, Integer> committedButFailed(Map<String, Long> storedUsers) {
        Map<Reason, Integer> committed = new EnumMap<>(Reason.class);
        for (Map.Entry<String, Reason> failure : createFailures.entrySet()) {
            if (storedUsers.containsKey(failure.getKey())) {
                committed.merge(failure.getValue(), 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Reason> failure : deleteFailures.entrySet()) {
            if (!storedUsers.containsValue(failure.getKey())) {
                committed.merge(failure.getValue(), 1, Integer::sum);
            }
        }
        return committed;
    }
}
