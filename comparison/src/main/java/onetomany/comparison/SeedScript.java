package onetomany.comparison;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.StatementBudget;
import onetomany.contract.User;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.libraries.Library;

/**
 * The SQLAlchemy notes' script, through each library: Alice with two posts, saved by saving Alice alone; then her
 * posts' titles, from the saved object and read back from the database. Prints what each step sent to the database.
 *
 * <p>Each library gets a database of its own ({@link Database#open()}), emptied first.
 */
public final class SeedScript {

    /** One step of the script in one library: what it printed and the statements it sent. */
    public record Step(String description, List<String> printed, List<StatementLog.Executed> statements) {
    }

    /** The script's steps in one library, and the id Alice was saved with. */
    public record Run(Library library, String database, StatementBudget budget, List<Step> steps, long aliceId) {

        /** Whether both the saved object and the object read back printed {@link #EXPECTED_TITLES}. */
        public boolean titlesReadBack() {
            return steps.size() == 3
                    && steps.get(1).printed().equals(EXPECTED_TITLES)
                    && steps.get(2).printed().equals(EXPECTED_TITLES);
        }

        /** The statements per step, e.g. {@code 3 + 0 + 1}. */
        public String statementsPerStep() {
            return String.join(" + ", steps.stream().map(step -> String.valueOf(step.statements().size())).toList());
        }
    }

    static final List<String> EXPECTED_TITLES = List.of("First Post", "Second Post");

    private SeedScript() {
    }

    /** Runs the script through one library on a database of its own. */
    public static Run run(Library library) {
        try (Database database = Database.open();
             UserPostRepository repository = library.repository(database.dataSource())) {
            return run(library, database, repository);
        }
    }

    /** Runs the script through a repository of {@code library} built over {@code database}, emptied first. */
    public static Run run(Library library, Database database, UserPostRepository repository) {
        StatementLog log = database.statements();
        List<Step> steps = new ArrayList<>();
        database.deleteAllRows(); // a server database (-Ddb=...) may hold rows from an earlier run

        log.reset();
        User alice = repository.createUserWithPosts(new NewUser("Alice",
                new NewPost("First Post", "Content of first post"),
                new NewPost("Second Post", "Content of second post")));
        steps.add(new Step(step(1, Texts.ENGLISH), List.of(aliceId(alice.getId(), Texts.ENGLISH)), log.executed()));

        log.reset();
        steps.add(new Step(step(2, Texts.ENGLISH), titles(alice), log.executed()));

        log.reset();
        User readBack = repository.findUserWithPosts(alice.getId()).orElseThrow();
        steps.add(new Step(step(3, Texts.ENGLISH), titles(readBack), log.executed()));

        return new Run(library, database.description(), repository.budget(), steps, alice.getId());
    }

    private static List<String> titles(User user) {
        return user.getPosts().stream().map(Post::getTitle).toList();
    }

    /** The words of step {@code number} (1 to 3): the script's line, or what it does. */
    private static String step(int number, Texts texts) {
        return texts.text("seed.step." + number);
    }

    /** What the script prints after saving Alice. */
    private static String aliceId(long id, Texts texts) {
        return texts.format("seed.aliceId", id);
    }

    /** Prints what each step of the script sent and printed, in English. */
    static void print(Run run, PrintStream out) {
        print(run, out, Texts.ENGLISH);
    }

    /** Prints what each step of the script sent and printed, in the language of {@code texts}. */
    static void print(Run run, PrintStream out, Texts texts) {
        out.printf("%n%s%n", texts.format("seed.library", run.library().name(), run.library().module(),
                run.database()));
        for (int i = 0; i < run.steps().size(); i++) {
            Step step = run.steps().get(i);
            out.printf("%n  %s%n    %s%n", step(i + 1, texts), texts.count("count.statementsLong",
                    step.statements().size()));
            step.statements().forEach(s -> out.println("      " + s));
            // The first step prints the id Alice was saved with; the others print titles, which are data.
            (i == 0 ? List.of(aliceId(run.aliceId(), texts)) : step.printed())
                    .forEach(line -> out.println("    > " + line));
        }
    }
}
