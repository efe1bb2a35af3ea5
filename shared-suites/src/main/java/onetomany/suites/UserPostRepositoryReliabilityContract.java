package onetomany.suites;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import onetomany.contract.Limits;
import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.RepositoryException;
import onetomany.contract.RepositoryException.Reason;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserPostRepository;
import onetomany.fixtures.Fixtures;
import onetomany.fixtures.Graphs;
import onetomany.operations.Operation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The shared reliability suite: what every library must do when things go wrong — hostile input, integrity
 * mistakes, a unit of work that fails half-way, concurrent writers, long runs — through the contract only.
 *
 * <p>A module subclasses it with one line, as it does the contract's suites
 * ({@link UserPostRepositoryLoadingContract} and the others).
 */
public abstract class UserPostRepositoryReliabilityContract extends RepositoryTestSupport {

    /** Hostile text that every column must store and give back exactly as it was given. */
    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("Cyrillic", "Алиса"),
                Arguments.of("emoji (4-byte UTF-8)", "Alice 🎉👩‍💻"),
                Arguments.of("right-to-left", "مرحبا بالعالم שלום"),
                Arguments.of("quotes and backslashes", "O'Brien \"the\" \\ back\\slash \\' \\\""),
                Arguments.of("SQL text", "'; DROP TABLE users; --"),
                Arguments.of("LIKE wildcards", "100% _sure_ %_%"),
                Arguments.of("a question mark and a colon", "what? :id #{id} ${id}"),
                Arguments.of("whitespace", "  tab\tnew\nline  "),
                Arguments.of("exactly at the limit", "x".repeat(Limits.USER_NAME_LENGTH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void hostile_text_is_stored_and_read_back_exactly_in_every_column(String label, String text) {
        long bystander = fixtures.insertUser("Bob");
        fixtures.insertPost(bystander, "Bob's Post", "Bob's content");
        List<String> bystanderRows = fixtures.snapshot();

        User saved = repository.createUserWithPosts(new NewUser(text, new NewPost(text, text)));
        long added = repository.addPost(saved.getId(), new NewPost(text, text));

        User found = repository.findUserWithPosts(saved.getId()).orElseThrow();
        assertThat(found.getName()).isEqualTo(text);
        assertThat(found.getPosts()).extracting(Post::getTitle).containsExactly(text, text);
        assertThat(found.getPosts()).extracting(Post::getContent).containsExactly(text, text);
        assertThat(found.getPosts().get(1).getId()).isEqualTo(added);
        for (LoadStrategy strategy : LoadStrategy.values()) {
            assertThat(repository.findAllUsersWithPosts(strategy)).extracting(User::getName)
                    .containsExactly("Bob", text);
        }
        assertThat(repository.findAllPostsWithAuthors()).extracting(Post::getTitle)
                .containsExactly("Bob's Post", text, text);

        repository.renameUser(bystander, text);
        repository.editPost(added, text + text.length(), text);
        assertThat(repository.findUserWithPosts(bystander).orElseThrow().getName()).isEqualTo(text);
        repository.renameUser(bystander, "Bob");

        // The same text through a draft: a new post, a changed one, the name (a suffix, so that it does change).
        UserDraft read = UserDraft.of(repository.findUserWithPosts(saved.getId()).orElseThrow());
        String renamed = (text + "'").substring(Math.max(0, text.length() + 1 - Limits.USER_NAME_LENGTH));
        User drafted = repository.saveUserWithPosts(read.withName(renamed).withPosts(List.of(
                new UserDraft.PostDraft(read.posts().get(0).id(), text + "%", "_" + text),
                UserDraft.PostDraft.added(text, text))));
        User reread = repository.findUserWithPosts(saved.getId()).orElseThrow();
        assertThat(Graphs.describeUsers(List.of(reread))).containsExactlyElementsOf(Graphs.describeUsers(
                List.of(drafted)));
        assertThat(reread.getName()).isEqualTo(renamed);
        assertThat(reread.getPosts()).extracting(Post::getTitle).containsExactly(text + "%", text);
        assertThat(reread.getPosts()).extracting(Post::getContent).containsExactly("_" + text, text);

        repository.deleteUser(saved.getId());
        // Bob's rows as they were, but for his version: two renames, two bumps.
        assertThat(fixtures.snapshot()).as("the other rows and the tables themselves").isEqualTo(
                bystanderRows.stream().map(row -> row.equals("users " + bystander + " Bob v0")
                        ? "users " + bystander + " Bob v2" : row).toList());
    }

    @Test
    void a_content_of_one_megabyte_is_stored_and_read_back_exactly() {
        StringBuilder megabyte = new StringBuilder();
        while (megabyte.length() < 1 << 20) {
            megabyte.append("Алиса 🎉 O'Brien \\ %_ ").append(megabyte.length()).append('\n');
        }
        String content = megabyte.substring(0, 1 << 20);

        User saved = repository.createUserWithPosts(new NewUser("Alice", new NewPost("Big", content)));

        assertThat(repository.findUserWithPosts(saved.getId()).orElseThrow().getPosts().get(0).getContent())
                .isEqualTo(content);
    }

    @Test
    void text_one_over_the_limit_is_refused_naming_the_field_and_changes_nothing() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", null);
        String name = "Алиса".repeat(Limits.USER_NAME_LENGTH / 5) + "!";
        String title = "'; DROP TABLE posts; --".repeat(10).substring(0, Limits.POST_TITLE_LENGTH) + "!";

        assertRefused(() -> repository.createUserWithPosts(new NewUser(name)), Reason.VALUE_TOO_LONG,
                "users.name", "users.name");
        assertRefused(() -> repository.renameUser(alice, name), Reason.VALUE_TOO_LONG, "users.name", "users.name");
        assertRefused(() -> repository.addPost(alice, new NewPost(title, null)), Reason.VALUE_TOO_LONG,
                "posts.title", "posts.title");
        assertRefused(() -> repository.editPost(post, title, null), Reason.VALUE_TOO_LONG, "posts.title",
                "posts.title");
    }

    // ---------------------------------------------------------------------------------------------------------
    // One answer per input on every database: lengths in characters (code points), the NUL character refused

    /** Characters of every width: what H2 (UTF-16 units), PostgreSQL and MariaDB (code points) count differently. */
    static Stream<Arguments> charactersOfEveryWidth() {
        return Stream.of(
                Arguments.of("ASCII (1 UTF-16 unit)", "x"),
                Arguments.of("emoji (2 UTF-16 units, 4 bytes of UTF-8)", "🎉"),
                Arguments.of("combining: e + U+0301, two code points", "e\u0301"),
                Arguments.of("é precomposed (1) then decomposed (2)", "\u00e9e\u0301"),
                Arguments.of("Cyrillic and emoji", "Я🎉"));
    }

    /** Exactly {@code count} code points, cycling through those of {@code unit}. */
    static String codePoints(String unit, int count) {
        int[] points = unit.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(points[i % points.length]);
        }
        return text.toString();
    }

    /** Refused as {@link #assertRefused} says, and before the library sent a single statement. */
    private void assertRefusedBeforeAnyStatement(ThrowingCallable call,
                                                 Reason reason, String field) {
        statements.reset();
        assertRefused(call, reason, field, field);
        assertStatements(0, "a write refused for its text");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charactersOfEveryWidth")
    void a_limit_counts_characters_through_every_write_the_same_on_every_database(String label, String unit) {
        for (int length : new int[] {-1, 0}) {
            String name = codePoints(unit, Limits.USER_NAME_LENGTH + length);
            String title = codePoints(unit, Limits.POST_TITLE_LENGTH + length);

            User created = repository.createUserWithPosts(new NewUser(name, new NewPost(title, title)));
            User read = repository.findUserWithPosts(created.getId()).orElseThrow();
            assertThat(read.getName()).as("created, %d code points", name.codePointCount(0, name.length()))
                    .isEqualTo(name);
            assertThat(read.getPosts()).extracting(Post::getTitle).containsExactly(title);

            long carol = fixtures.insertUser("Carol");
            long first = fixtures.insertPost(carol, "Carol's Post", null);
            repository.renameUser(carol, name);
            repository.editPost(first, title, null);
            repository.addPost(carol, new NewPost(title, null));
            read = repository.findUserWithPosts(carol).orElseThrow();
            assertThat(read.getName()).as("renamed").isEqualTo(name);
            assertThat(read.getPosts()).extracting(Post::getTitle).as("edited, added").containsExactly(title, title);

            long dave = fixtures.insertUser("Dave");
            fixtures.insertPost(dave, "Dave's Post", null);
            UserDraft draft = UserDraft.of(repository.findUserWithPosts(dave).orElseThrow());
            repository.saveUserWithPosts(draft.withName(name).withPosts(List.of(
                    new UserDraft.PostDraft(draft.posts().get(0).id(), title, null),
                    UserDraft.PostDraft.added(title, null))));
            read = repository.findUserWithPosts(dave).orElseThrow();
            assertThat(read.getName()).as("saved from a draft").isEqualTo(name);
            assertThat(read.getPosts()).extracting(Post::getTitle).containsExactly(title, title);
        }

        String name = codePoints(unit, Limits.USER_NAME_LENGTH + 1);
        String title = codePoints(unit, Limits.POST_TITLE_LENGTH + 1);
        long erin = fixtures.insertUser("Erin");
        long post = fixtures.insertPost(erin, "Erin's Post", null);
        UserDraft draft = UserDraft.of(repository.findUserWithPosts(erin).orElseThrow());
        assertRefusedBeforeAnyStatement(() -> repository.createUserWithPosts(new NewUser(name)),
                Reason.VALUE_TOO_LONG, "users.name");
        assertRefusedBeforeAnyStatement(() -> repository.createUserWithPosts(new NewUser("Frank",
                new NewPost("Fine", null), new NewPost(title, null))), Reason.VALUE_TOO_LONG, "posts.title");
        assertRefusedBeforeAnyStatement(() -> repository.addPost(erin, new NewPost(title, null)),
                Reason.VALUE_TOO_LONG, "posts.title");
        assertRefusedBeforeAnyStatement(() -> repository.renameUser(erin, name), Reason.VALUE_TOO_LONG,
                "users.name");
        assertRefusedBeforeAnyStatement(() -> repository.editPost(post, title, null), Reason.VALUE_TOO_LONG,
                "posts.title");
        assertRefusedBeforeAnyStatement(() -> repository.saveUserWithPosts(draft.withName(name)),
                Reason.VALUE_TOO_LONG, "users.name");
        assertRefusedBeforeAnyStatement(() -> repository.saveUserWithPosts(draft.withPosts(List.of(
                new UserDraft.PostDraft(post, title, null)))), Reason.VALUE_TOO_LONG, "posts.title");
        assertRefusedBeforeAnyStatement(() -> repository.saveUserWithPosts(draft.withPosts(List.of(
                draft.posts().get(0), UserDraft.PostDraft.added(title, null)))), Reason.VALUE_TOO_LONG,
                "posts.title");
    }

    /** What no database of the contract stores as given: PostgreSQL refuses NUL in text, and a lone surrogate. */
    static Stream<Arguments> invalidCharacters() {
        return Stream.of(
                Arguments.of("NUL (U+0000)", "\u0000"),
                Arguments.of("a lone high surrogate", "\uD83C"),
                Arguments.of("a lone low surrogate", "\uDF89"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCharacters")
    void an_invalid_character_is_refused_in_every_text_through_every_write_before_any_statement(String label,
                                                                                               String bad) {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", "text");
        UserDraft draft = UserDraft.of(repository.findUserWithPosts(alice).orElseThrow());
        String marker = "Secret-Marker";
        for (int length : new int[] {-1, 0, 1}) {
            // At the start, in the middle and at the end of texts around each limit (the character counts as one).
            for (int at : new int[] {0, 1, 2}) {
                String name = place(bad, codePoints("🎉" + marker, Limits.USER_NAME_LENGTH + length - 1), at);
                String title = place(bad, codePoints("e\u0301" + marker, Limits.POST_TITLE_LENGTH + length - 1), at);
                String content = place(bad, marker + " content", at);
                String fine = "Fine";

                assertInvalid(() -> repository.createUserWithPosts(new NewUser(name)), "users.name", marker);
                assertInvalid(() -> repository.createUserWithPosts(new NewUser(fine, new NewPost(title, null))),
                        "posts.title", marker);
                assertInvalid(() -> repository.createUserWithPosts(new NewUser(fine, new NewPost(fine, null),
                        new NewPost(fine, content))), "posts.content", marker);
                assertInvalid(() -> repository.addPost(alice, new NewPost(title, null)), "posts.title", marker);
                assertInvalid(() -> repository.addPost(alice, new NewPost(fine, content)), "posts.content", marker);
                assertInvalid(() -> repository.renameUser(alice, name), "users.name", marker);
                assertInvalid(() -> repository.editPost(post, title, null), "posts.title", marker);
                assertInvalid(() -> repository.editPost(post, fine, content), "posts.content", marker);
                assertInvalid(() -> repository.saveUserWithPosts(draft.withName(name)), "users.name", marker);
                assertInvalid(() -> repository.saveUserWithPosts(draft.withPosts(List.of(
                        new UserDraft.PostDraft(post, title, null)))), "posts.title", marker);
                assertInvalid(() -> repository.saveUserWithPosts(draft.withPosts(List.of(
                        new UserDraft.PostDraft(post, fine, content)))), "posts.content", marker);
                assertInvalid(() -> repository.saveUserWithPosts(draft.withPosts(List.of(draft.posts().get(0),
                        UserDraft.PostDraft.added(fine, content)))), "posts.content", marker);
            }
        }
        // A content of any length is fine without it, and so is a name of the limit with the same neighbours.
        String name = codePoints("🎉" + marker, Limits.USER_NAME_LENGTH);
        repository.renameUser(alice, name);
        repository.editPost(post, "First Post", marker + " content");
        User read = repository.findUserWithPosts(alice).orElseThrow();
        assertThat(read.getName()).isEqualTo(name);
        assertThat(read.getPosts().get(0).getContent()).isEqualTo(marker + " content");
    }

    /** {@code text} with {@code bad} put at its start (0), in its middle (1) or at its end (2). */
    private static String place(String bad, String text, int at) {
        int middle = text.offsetByCodePoints(0, text.codePointCount(0, text.length()) / 2);
        return switch (at) {
            case 0 -> bad + text;
            case 1 -> text.substring(0, middle) + bad + text.substring(middle);
            default -> text + bad;
        };
    }

    private void assertInvalid(ThrowingCallable call, String field,
                               String marker) {
        assertRefusedBeforeAnyStatement(call, Reason.INVALID_CHARACTER, field);
        assertThatThrownBy(call).satisfies(e -> assertThat(e.getMessage()).as("the message, without the text")
                .doesNotContain(marker));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Integrity: the same answer from every library

    @Test
    void deleting_a_user_twice_is_refused_the_second_time() {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "First Post", null);

        repository.deleteUser(alice);

        assertRefused(() -> repository.deleteUser(alice), Reason.UNKNOWN_USER, null, "user " + alice);
    }

    @Test
    void removing_a_post_twice_is_refused_the_second_time() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", null);

        repository.removePost(alice, post);

        assertRefused(() -> repository.removePost(alice, post), Reason.UNKNOWN_POST, null, "post " + post);
    }

    @Test
    void the_same_new_post_given_twice_makes_two_posts() {
        NewPost post = new NewPost("Twice", "the same value");

        User alice = repository.createUserWithPosts(new NewUser("Alice", post, post));
        long third = repository.addPost(alice.getId(), post);

        assertThat(fixtures.countPostsOf(alice.getId())).isEqualTo(3);
        assertThat(List.of(alice.getPosts().get(0).getId(), alice.getPosts().get(1).getId(), third))
                .doesNotHaveDuplicates();
    }

    @Test
    void a_post_of_a_deleted_user_is_gone_with_him() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", null);
        repository.deleteUser(alice);

        assertRefused(() -> repository.editPost(post, "Edited", null), Reason.UNKNOWN_POST, null, "post " + post);
        assertRefused(() -> repository.addPost(alice, new NewPost("Late", null)), Reason.UNKNOWN_USER, null,
                "user " + alice);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Atomicity: a unit of work that fails half-way leaves every table as it was

    @ParameterizedTest(name = "{0} failing at statement {1}")
    @MethodSource("writesAtEachStatement") // each write is made to fail at each of its statements in turn
    void a_write_failing_at_any_statement_leaves_every_table_as_it_was(Operation write, int failing) {
        Runnable call = arrangeWrite(write);
        List<String> before = fixtures.snapshot();
        statements.failStatement(failing);

        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(RepositoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DATABASE_ERROR);
                    assertThat(causeChain(e)).contains("injected failure");
                });

        assertThat(fixtures.snapshot()).as("the tables after %s failed at statement %d", write.title(), failing)
                .isEqualTo(before);
        assertThat(fixtures.checksum()).isEqualTo(Fixtures.checksum(before));
        assertThat(database.activeConnections()).as("connections still held").isZero();
        call.run();
        assertThat(fixtures.snapshot()).as("the same write, not failing, does change the tables").isNotEqualTo(before);
    }

    @Test
    void a_stream_whose_statement_fails_raises_the_contracts_exception_and_leaves_nothing_open() {
        fixtures.usersWithPosts(3, 2);
        List<String> before = fixtures.snapshot();
        AtomicInteger handedOver = new AtomicInteger();
        statements.failStatement(1);

        assertThatThrownBy(() -> repository.forEachUserWithPosts(user -> handedOver.incrementAndGet()))
                .isInstanceOfSatisfying(RepositoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DATABASE_ERROR);
                    assertThat(causeChain(e)).contains("injected failure");
                });

        assertThat(handedOver).as("users handed over").hasValue(0);
        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertThat(database.openStatements()).as("statements opened %d, never closed", database.openedStatements())
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Concurrency and resources

    static final int THREADS = 8;
    static final int OPERATIONS_PER_THREAD = 200;

    @Test
    void eight_writers_adding_and_deleting_the_same_users_leave_no_orphan_no_hang_and_no_connection_held()
            throws InterruptedException {
        List<Long> users = new CopyOnWriteArrayList<>(fixtures.usersWithPosts(16, 2));
        Map<Reason, AtomicInteger> refusals = new ConcurrentHashMap<>();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        List<String> databaseErrors = new CopyOnWriteArrayList<>();
        AtomicInteger succeeded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            pool.execute(() -> {
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    long user = users.get(random.nextInt(users.size()));
                    try {
                        int dice = random.nextInt(10);
                        if (dice < 5) {
                            repository.addPost(user, new NewPost("added", null));
                        } else if (dice < 8) {
                            repository.deleteUser(user);
                        } else {
                            users.add(repository.createUserWithPosts(new NewUser("new",
                                    new NewPost("a", null), new NewPost("b", null))).getId());
                        }
                        succeeded.incrementAndGet();
                    } catch (RepositoryException e) {
                        refusals.computeIfAbsent(e.reason(), r -> new AtomicInteger()).incrementAndGet();
                        if (e.reason() == Reason.DATABASE_ERROR && databaseErrors.size() < 3) {
                            databaseErrors.add(e.getMessage().lines().findFirst().orElse(""));
                        }
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(180, TimeUnit.SECONDS);
        if (!finished) {
            pool.shutdownNow();
        }

        assertThat(finished).as("all writers finished (no deadlock hang)").isTrue();
        assertThat(unexpected).as("failures that are not the contract's exception").isEmpty();
        assertThat(succeeded.get() + refusals.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(THREADS * OPERATIONS_PER_THREAD);
        assertThat(refusals.keySet()).as("why writes were refused: %s", refusals)
                .isSubsetOf(Reason.UNKNOWN_USER, Reason.CONFLICT);
        assertThat(fixtures.orphanPosts()).as("posts whose user is gone").isZero();
        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertThat(database.openStatements()).as("statements never closed").isZero();
        System.out.printf("%s on %s: %d writers x %d operations: %d done, refused %s, orphans 0; e.g. %s%n",
                getClass().getSimpleName(), database.kind().displayName(), THREADS, OPERATIONS_PER_THREAD,
                succeeded.get(), refusals, databaseErrors);
    }

    static final int ROUNDS_PER_WRITER = 15;

    /**
     * The writes that take no version (rename, edit, add, remove) serialise on the user's row: two threads of each,
     * started together by a latch, on one user. None is refused (no {@code CONFLICT}, no deadlock), each bumps the
     * version once, and the tables hold a serial outcome: each field as the last write of one of its two threads
     * left it, every added post, none of the removed ones.
     */
    @Test
    void concurrent_renames_edits_adds_and_removes_on_one_user_all_succeed_in_some_serial_order()
            throws InterruptedException {
        int pairs = 2;
        NewPost[] seeded = new NewPost[1 + pairs * ROUNDS_PER_WRITER];
        seeded[0] = new NewPost("edited", "start");
        for (int i = 1; i < seeded.length; i++) {
            seeded[i] = new NewPost("removed " + i, null);
        }
        User start = repository.createUserWithPosts(new NewUser("start", seeded));
        long userId = start.getId();
        long edited = start.getPosts().get(0).getId();
        List<Long> removed = start.getPosts().stream().skip(1).map(Post::getId).toList();

        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4 * pairs);
        for (int w = 0; w < pairs; w++) {
            int writer = w;
            Map<String, Consumer<Integer>> kinds = Map.of(
                    "renameUser", i -> repository.renameUser(userId, "name " + writer + "." + i),
                    "editPost", i -> repository.editPost(edited, "title " + writer + "." + i,
                            "content " + writer + "." + i),
                    "addPost", i -> repository.addPost(userId, new NewPost("added " + writer + "." + i, null)),
                    "removePost", i -> repository.removePost(userId, removed.get(writer * ROUNDS_PER_WRITER + i)));
            kinds.forEach((name, kind) -> pool.execute(() -> {
                int i = -1;
                try {
                    go.await();
                    for (i = 0; i < ROUNDS_PER_WRITER; i++) {
                        kind.accept(i);
                    }
                } catch (Throwable e) {
                    failures.add(name + " #" + i + " of writer " + writer + ": " + e);
                }
            }));
        }
        go.countDown();
        pool.shutdown();
        boolean finished = pool.awaitTermination(120, TimeUnit.SECONDS);
        if (!finished) {
            pool.shutdownNow();
        }

        assertThat(finished).as("all writers finished (no hang)").isTrue();
        assertThat(failures).as("writes refused or failed").isEmpty();
        User end = repository.findUserWithPosts(userId).orElseThrow();
        int last = ROUNDS_PER_WRITER - 1;
        assertThat(end.getVersion()).as("one version per write")
                .isEqualTo(start.getVersion() + 4L * pairs * ROUNDS_PER_WRITER);
        assertThat(end.getName()).isIn("name 0." + last, "name 1." + last);
        Post edit = end.getPosts().stream().filter(p -> p.getId() == edited).findFirst().orElseThrow();
        assertThat(List.of(edit.getTitle(), edit.getContent()))
                .isIn(List.of("title 0." + last, "content 0." + last), List.of("title 1." + last, "content 1." + last));
        List<String> added = new ArrayList<>();
        for (int w = 0; w < pairs; w++) {
            for (int i = 0; i < ROUNDS_PER_WRITER; i++) {
                added.add("added " + w + "." + i);
            }
        }
        assertThat(end.getPosts()).extracting(Post::getTitle).filteredOn(title -> !title.startsWith("title "))
                .containsExactlyInAnyOrderElementsOf(added);
        assertThat(end.getPosts()).hasSize(1 + added.size());
        assertThat(fixtures.count("posts")).isEqualTo(1 + added.size());
        assertThat(database.activeConnections()).as("connections still held").isZero();
    }

    static final int RACES = 40;

    /**
     * An edit of a post racing the removal of that post, or the delete of its user, started together by a latch,
     * many times. The writes lock the user's row first, each of them: whichever goes second waits, then finds the
     * post there (done) or gone ({@code UNKNOWN_POST}). Never a {@code CONFLICT}, never a deadlock's
     * {@code DATABASE_ERROR}: an edit that locked the post before its user would hold what the removal waits for.
     */
    @Test
    void an_edit_racing_the_removal_of_its_post_or_the_delete_of_its_user_is_done_or_finds_no_post()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        try {
            for (int round = 0; round < RACES; round++) {
                for (boolean deleteTheUser : new boolean[] {false, true}) {
                    User user = repository.createUserWithPosts(new NewUser("racer",
                            new NewPost("raced", "before"), new NewPost("kept", null)));
                    long userId = user.getId();
                    long post = user.getPosts().get(0).getId();
                    String other = deleteTheUser ? "deleteUser" : "removePost";
                    CountDownLatch go = new CountDownLatch(1);
                    var edit = pool.submit(() -> outcome(go, () -> repository.editPost(post, "after", "after")));
                    var remove = pool.submit(() -> outcome(go, deleteTheUser
                            ? () -> repository.deleteUser(userId)
                            : () -> repository.removePost(userId, post)));
                    go.countDown();
                    String edited = edit.get(60, TimeUnit.SECONDS);
                    String removed = remove.get(60, TimeUnit.SECONDS);
                    outcomes.computeIfAbsent("editPost " + edited + " vs " + other, k -> new AtomicInteger())
                            .incrementAndGet();

                    assertThat(edited).as("editPost racing %s, round %d", other, round)
                            .isIn("done", Reason.UNKNOWN_POST.name());
                    assertThat(removed).as("%s racing editPost, round %d", other, round).isEqualTo("done");
                    if (deleteTheUser) {
                        assertThat(repository.findUserWithPosts(userId)).isEmpty();
                    } else {
                        User end = repository.findUserWithPosts(userId).orElseThrow();
                        assertThat(end.getPosts()).extracting(Post::getTitle).containsExactly("kept");
                        assertThat(end.getVersion()).as("one version per write done")
                                .isEqualTo(user.getVersion() + (edited.equals("done") ? 2 : 1));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.orphanPosts()).isZero();
        assertThat(database.activeConnections()).as("connections still held").isZero();
        System.out.printf("%s on %s: %s%n", getClass().getSimpleName(), database.kind().displayName(), outcomes);
    }

    /**
     * The same race, made certain: right after {@code editPost} read the post (before its second statement), another
     * client deletes the post, or its user with his posts, and commits. The edit finds no post
     * ({@code UNKNOWN_POST}, not a {@code CONFLICT}) and writes nothing: the user's version stays.
     */
    @Test
    void an_edit_whose_post_or_user_is_deleted_right_after_it_read_the_post_finds_no_post_and_writes_nothing() {
        for (boolean theUser : new boolean[] {false, true}) {
            User user = repository.createUserWithPosts(new NewUser("Alice",
                    new NewPost("raced", "before"), new NewPost("kept", null)));
            long post = user.getPosts().get(0).getId();
            List<String> deletes = theUser
                    ? List.of("delete from posts where user_id = " + user.getId(),
                            "delete from users where id = " + user.getId())
                    : List.of("delete from posts where id = " + post);
            database.faults().atStatement(2, connection -> executeAsAnotherClient(deletes));

            assertThatThrownBy(() -> repository.editPost(post, "after", "after"))
                    .isInstanceOfSatisfying(RepositoryException.class,
                            e -> assertThat(e.reason()).as("%s", e).isEqualTo(Reason.UNKNOWN_POST));

            assertThat(database.faults().allFired()).as("the other client deleted").isTrue();
            assertThat(database.activeConnections()).as("connections still held").isZero();
            if (theUser) {
                assertThat(repository.findUserWithPosts(user.getId())).isEmpty();
            } else {
                User end = repository.findUserWithPosts(user.getId()).orElseThrow();
                assertThat(end.getVersion()).as("the refused edit's version bump rolled back")
                        .isEqualTo(user.getVersion());
                assertThat(end.getPosts()).extracting(Post::getTitle).containsExactly("kept");
            }
        }
    }

    /** Another unit of work: the statements sent and committed on a connection of their own. */
    private void executeAsAnotherClient(List<String> sql) {
        try (Connection other = database.adminConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(true);
            for (String one : sql) {
                statement.executeUpdate(one);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "done", the contract's reason, or what else was thrown: after waiting for {@code go}. */
    private static String outcome(CountDownLatch go, Runnable write) throws InterruptedException {
        go.await();
        try {
            write.run();
            return "done";
        } catch (RepositoryException e) {
            return e.reason() == Reason.DATABASE_ERROR
                    ? e.reason() + ": " + e.getMessage().lines().findFirst().orElse("") : e.reason().name();
        } catch (RuntimeException | Error e) {
            return e.toString();
        }
    }

    @Test
    void every_operation_that_succeeds_gives_its_connection_back_at_once() {
        User alice = repository.createUserWithPosts(new NewUser("Alice", new NewPost("First Post", null)));
        assertThat(database.activeConnections()).as("connections held after createUserWithPosts").isZero();
        Map<String, Runnable> operations = new LinkedHashMap<>();
        long[] post = new long[1];
        operations.put("findUserWithPosts", () -> repository.findUserWithPosts(alice.getId()));
        operations.put("addPost", () -> post[0] = repository.addPost(alice.getId(), new NewPost("Second", null)));
        for (LoadStrategy strategy : LoadStrategy.values()) {
            operations.put("findAllUsersWithPosts(" + strategy + ")", () -> repository.findAllUsersWithPosts(strategy));
        }
        operations.put("forEachUserWithPosts", () -> repository.forEachUserWithPosts(user -> { }));
        operations.put("findAllPostsWithAuthors", repository::findAllPostsWithAuthors);
        operations.put("renameUser", () -> repository.renameUser(alice.getId(), "Alicia"));
        operations.put("editPost", () -> repository.editPost(post[0], "Second, edited", "text"));
        operations.put("saveUserWithPosts", () -> {
            User current = repository.findUserWithPosts(alice.getId()).orElseThrow();
            repository.saveUserWithPosts(UserDraft.of(current).withName("Alice"));
        });
        operations.put("removePost", () -> repository.removePost(alice.getId(), post[0]));
        operations.put("deleteUser", () -> repository.deleteUser(alice.getId()));

        operations.forEach((name, operation) -> {
            operation.run();
            assertThat(database.activeConnections()).as("connections held after %s", name).isZero();
        });
        assertThat(fixtures.count("users")).isZero();
    }

    static final int OPERATIONS_IN_A_ROW = 10_000;

    @Tag(SLOW) // 10 to 20 s
    @Test
    void ten_thousand_operations_in_a_row_leave_no_connection_or_statement_open() {
        List<Consumer<long[]>> cycle = List.of(
                ids -> ids[0] = repository.createUserWithPosts(new NewUser("Alice", new NewPost("1", null))).getId(),
                ids -> repository.findUserWithPosts(ids[0]),
                ids -> ids[1] = repository.addPost(ids[0], new NewPost("2", null)),
                // Every user with his posts: by each strategy in turn, and streamed.
                ids -> {
                    int read = (int) (ids[1] % (LoadStrategy.values().length + 1));
                    if (read == LoadStrategy.values().length) {
                        repository.forEachUserWithPosts(user -> { });
                    } else {
                        repository.findAllUsersWithPosts(LoadStrategy.values()[read]);
                    }
                },
                ids -> repository.renameUser(ids[0], "Alicia"),
                ids -> repository.editPost(ids[1], "2, edited", "text"),
                ids -> repository.findAllPostsWithAuthors(),
                ids -> repository.removePost(ids[0], ids[1]),
                ids -> assertThatThrownBy(() -> repository.removePost(ids[0], ids[1]))
                        .isInstanceOf(RepositoryException.class),
                ids -> repository.deleteUser(ids[0]));
        long[] ids = new long[2];
        for (int i = 0; i < OPERATIONS_IN_A_ROW; i++) {
            cycle.get(i % cycle.size()).accept(ids);
        }

        assertThat(database.activeConnections()).as("connections still held").isZero();
        assertThat(database.openStatements()).as("statements opened %d, never closed", database.openedStatements())
                .isZero();
        assertThat(fixtures.count("users")).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Messages without the user's values

    /** A recognisable piece of the user's data: no message of the contract's exception may repeat it. */
    private static final String MARKER = "MARKER-7f3a";

    @Test
    void no_refusal_repeats_the_users_values_in_its_message_only_the_reason_the_column_and_the_sqlstate() {
        long alice = fixtures.insertUser("Alice");
        long post = fixtures.insertPost(alice, "First Post", "one");
        long unknownUser = fixtures.unusedUserId();
        long unknownPost = fixtures.unusedPostId();
        String longName = longest(Limits.USER_NAME_LENGTH + 1);
        String longTitle = longest(Limits.POST_TITLE_LENGTH + 1);
        String nul = MARKER + "\0" + MARKER; // PostgreSQL cannot store it in text; its batch message quotes it
        UserDraft read = UserDraft.of(repository.findUserWithPosts(alice).orElseThrow());
        Map<String, Runnable> writes = new java.util.LinkedHashMap<>();
        writes.put("create, name too long", () -> repository.createUserWithPosts(new NewUser(longName)));
        writes.put("create, title too long", () -> repository.createUserWithPosts(
                new NewUser(MARKER, new NewPost(MARKER, MARKER), new NewPost(longTitle, MARKER))));
        writes.put("create, title missing", () -> repository.createUserWithPosts(
                new NewUser(MARKER, new NewPost(null, MARKER))));
        writes.put("create, NUL", () -> repository.createUserWithPosts(
                new NewUser(nul, new NewPost(nul, nul), new NewPost(nul, nul))));
        writes.put("add, title too long", () -> repository.addPost(alice, new NewPost(longTitle, MARKER)));
        writes.put("add, title missing", () -> repository.addPost(alice, new NewPost(null, MARKER)));
        writes.put("add, unknown user", () -> repository.addPost(unknownUser, new NewPost(MARKER, MARKER)));
        writes.put("add, NUL", () -> repository.addPost(alice, new NewPost(nul, nul)));
        writes.put("rename, too long", () -> repository.renameUser(alice, longName));
        writes.put("rename, unknown user", () -> repository.renameUser(unknownUser, MARKER));
        writes.put("rename, NUL", () -> repository.renameUser(alice, nul));
        writes.put("edit, title too long", () -> repository.editPost(post, longTitle, MARKER));
        writes.put("edit, unknown post", () -> repository.editPost(unknownPost, MARKER, MARKER));
        writes.put("edit, NUL", () -> repository.editPost(post, nul, nul));
        writes.put("save, name too long", () -> repository.saveUserWithPosts(read.withName(longName)));
        writes.put("save, title too long", () -> repository.saveUserWithPosts(read.withPosts(List.of(
                UserDraft.PostDraft.added(MARKER, MARKER), UserDraft.PostDraft.added(longTitle, MARKER)))));
        writes.put("save, title missing", () -> repository.saveUserWithPosts(read.withPosts(List.of(
                UserDraft.PostDraft.added(null, MARKER)))));
        writes.put("save, stale", () -> repository.saveUserWithPosts(new UserDraft(alice, read.version() + 7,
                MARKER, List.of(UserDraft.PostDraft.added(MARKER, MARKER)))));
        writes.put("save, unknown user", () -> repository.saveUserWithPosts(new UserDraft(unknownUser, 0, MARKER,
                List.of(UserDraft.PostDraft.added(MARKER, MARKER)))));
        writes.put("save, NUL", () -> repository.saveUserWithPosts(UserDraft.of(repository.findUserWithPosts(alice)
                .orElseThrow()).withName(nul).withPosts(List.of(
                UserDraft.PostDraft.added(nul, nul), UserDraft.PostDraft.added(nul, nul)))));

        Map<String, Reason> refused = new java.util.LinkedHashMap<>();
        // The NUL writes last: where a database stores them, they change Alice, and the writes above read her first.
        for (Map.Entry<String, Runnable> write : writes.entrySet().stream()
                .sorted(java.util.Comparator.comparing(w -> w.getKey().endsWith("NUL"))).toList()) {
            try {
                write.getValue().run(); // a NUL is stored by some databases: then there is no message to look at
            } catch (RepositoryException e) {
                refused.put(write.getKey(), e.reason());
                assertThat(contractsMessages(e)).as("the messages of %s (%s)", write.getKey(), e.reason())
                        .noneMatch(message -> message.contains(MARKER));
                e.field().ifPresent(field -> assertThat(e.getMessage()).as("the message of %s", write.getKey())
                        .contains(field));
            }
        }
        System.out.printf("MESSAGES %s %s: %d refusals checked %s%n", getClass().getSimpleName(),
                database.kind().displayName(), refused.size(), refused);
        // Every write but the NUL ones is refused on every database: the check above cannot pass by not looking.
        assertThat(refused.keySet()).as("writes refused")
                .containsAll(writes.keySet().stream().filter(name -> !name.endsWith("NUL")).toList());
        assertThat(refused).containsEntry("create, name too long", Reason.VALUE_TOO_LONG)
                .containsEntry("add, unknown user", Reason.UNKNOWN_USER)
                .containsEntry("save, stale", Reason.CONFLICT);
    }

    /** A value of {@code length} characters that starts with the marker. */
    private static String longest(int length) {
        return (MARKER + "-").repeat(length / MARKER.length() + 1).substring(0, length);
    }

    /**
     * The messages the contract builds: the exception's own, and those of every {@code RepositoryException} in its
     * causes and suppressed exceptions. A library's or a driver's exception behind it is kept for debugging, not
     * looked at: its message is the library's, and it is never copied into the contract's.
     */
    private static List<String> contractsMessages(Throwable e) {
        return throwablesAround(e).stream().filter(t -> t instanceof RepositoryException)
                .map(t -> String.valueOf(t.getMessage())).toList();
    }

    /** {@code e}, its causes and every suppressed throwable on the way (and theirs), each once. */
    private static List<Throwable> throwablesAround(Throwable e) {
        List<Throwable> found = new ArrayList<>();
        java.util.Deque<Throwable> toSee = new java.util.ArrayDeque<>(List.of(e));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!toSee.isEmpty()) {
            Throwable t = toSee.pop();
            if (seen.add(t)) {
                found.add(t);
                if (t.getCause() != null) {
                    toSee.push(t.getCause());
                }
                List.of(t.getSuppressed()).forEach(toSee::push);
            }
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Injection

    @Test
    void no_sql_text_of_this_library_is_built_from_values() {
        Path sources = Path.of("src", "main");
        assertThat(sources).as("the module's sources, read from its directory").isDirectory();

        assertThat(SqlTextCheck.findSqlBuiltFromValues(sources)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // An Error in the middle of the driver's work

    /**
     * After an {@code Error} the unit of work asks its connection whether it still answers, and aborts it if it does
     * not (an error in the middle of a result leaves MariaDB's driver believing no transaction is open, PgJDBC
     * throwing the error again, H2's TCP client out of step): the error comes out as it is, and the connection is
     * not given back as it was. A connection that answers is rolled back and given back, not aborted; a failure that
     * is not an {@code Error} asks nothing. The real out-of-memory read is {@code LargeStreamContract}'s.
     */
    @Test
    void after_an_error_a_connection_that_no_longer_answers_is_aborted_and_one_that_answers_is_given_back() {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "Hello", "First post");
        BreakableDataSource breakable = new BreakableDataSource(database.dataSource());
        try (UserPostRepository library = createRepository(breakable.dataSource())) {
            for (boolean answers : List.of(true, false)) {
                StackOverflowError error = new StackOverflowError("thrown by the test, answers=" + answers);
                breakable.answers(answers);
                int checks = breakable.validityChecks();
                int aborts = breakable.aborts();
                breakable.failNextStatement(error);

                assertThatThrownBy(() -> library.findUserWithPosts(alice)).isSameAs(error);
                assertThat(breakable.validityChecks() - checks).as("questions asked, answers=%s", answers)
                        .isEqualTo(1);
                assertThat(breakable.aborts() - aborts).as("aborts, answers=%s", answers).isEqualTo(answers ? 0 : 1);
                assertThat(database.activeConnections()).as("connections held, answers=%s", answers).isZero();
            }

            breakable.answers(false);
            int checks = breakable.validityChecks();
            breakable.failNextStatement(new IllegalStateException("thrown by the test"));
            assertThatThrownBy(() -> library.findUserWithPosts(alice)).isInstanceOf(RuntimeException.class);
            assertThat(breakable.validityChecks() - checks).as("questions asked after a runtime failure").isZero();
            assertThat(breakable.aborts()).as("aborts in all").isEqualTo(1);

            breakable.answers(true);
            assertThat(library.findUserWithPosts(alice).orElseThrow().getPosts()).extracting(Post::getTitle)
                    .containsExactly("Hello");
        }
        assertThat(database.activeConnections()).as("connections held at the end").isZero();
    }

    /**
     * A rollback that fails does not hide what made the unit of work fail: its failure is attached to it as
     * suppressed (the library may wrap it), the error or exception comes out as the contract says, nothing is written,
     * and the connection goes back to the pool.
     */
    @Test
    void a_rollback_that_fails_is_attached_to_the_failure_that_comes_out() {
        long alice = fixtures.insertUser("Alice");
        fixtures.insertPost(alice, "Hello", "First post");
        List<String> before = fixtures.snapshot();
        BreakableDataSource breakable = new BreakableDataSource(database.dataSource());
        try (UserPostRepository library = createRepository(breakable.dataSource())) {
            StackOverflowError error = new StackOverflowError("thrown by the test");
            breakable.failNextStatement(error);
            breakable.failNextRollback(new SQLException("rollback failed, thrown by the test"));
            assertThatThrownBy(() -> library.renameUser(alice, "Bob")).isSameAs(error);
            assertThat(everyMessage(error)).as("the error's causes and suppressed")
                    .contains("rollback failed, thrown by the test");
            assertThat(database.activeConnections()).as("connections held after the error").isZero();

            breakable.failNextStatement(new IllegalStateException("thrown by the test"));
            breakable.failNextRollback(new SQLException("rollback failed again, thrown by the test"));
            Throwable thrown = catchThrowable(() -> library.renameUser(alice, "Bob"));
            assertThat(thrown).isInstanceOf(RuntimeException.class);
            assertThat(everyMessage(thrown)).as("the exception's causes and suppressed")
                    .contains("rollback failed again, thrown by the test");
            assertThat(database.activeConnections()).as("connections held after the exception").isZero();

            assertThat(fixtures.snapshot()).as("the tables").isEqualTo(before);
            assertThat(library.findUserWithPosts(alice).orElseThrow().getName()).isEqualTo("Alice");
        }
        assertThat(database.activeConnections()).as("connections held at the end").isZero();
    }

    /** The messages of {@code e}, its causes and everything suppressed on the way, each once. */
    private static List<String> everyMessage(Throwable e) {
        return throwablesAround(e).stream().map(t -> String.valueOf(t.getMessage())).toList();
    }

    private static String causeChain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
