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

/**
 * The seeds' script, through each library: Alice with two posts, saved by saving Alice alone; then her posts'
 * titles, from the saved object and read back from the database. Prints what each step sent to the database.
 *
 * <p>Each library gets a new, empty database of its own, so that each run starts from the same ids.
 */
public final class SeedScript {

    /** One step of the script in one library: what it printed and the statements it sent. */
    public record Step(String description, List<String> printed, List<StatementLog.Executed> statements) {
    }

    /** The script's steps in one library. */
    public record Run(Library library, String database, StatementBudget budget, List<Step> steps) {
    }

    static final List<String> EXPECTED_TITLES = List.of("First Post", "Second Post");

    private SeedScript() {
    }

    /** Runs the script through one library on a new database. */
    public static Run run(Library library) {
        try (Database database = Database.open();
             UserPostRepository repository = library.factory().apply(database.dataSource())) {
            StatementLog log = database.statements();
            List<Step> steps = new ArrayList<>();

            log.reset();
            User alice = repository.createUserWithPosts(new NewUser("Alice",
                    new NewPost("First Post", "Content of first post"),
                    new NewPost("Second Post", "Content of second post")));
            steps.add(new Step("session.add(alice); session.commit()  -- saving Alice saves her posts",
                    List.of("Alice has id " + alice.getId()), log.executed()));

            log.reset();
            steps.add(new Step("for post in alice.posts: print(post.title)  -- the saved object",
                    titles(alice), log.executed()));

            log.reset();
            User readBack = repository.findUserWithPosts(alice.getId()).orElseThrow();
            steps.add(new Step("read Alice back with her posts, print their titles",
                    titles(readBack), log.executed()));

            return new Run(library, database.description(), repository.budget(), steps);
        }
    }

    private static List<String> titles(User user) {
        return user.getPosts().stream().map(Post::getTitle).toList();
    }

    static void print(Run run, PrintStream out) {
        out.printf("%n== %s (%s) on %s%n", run.library().name(), run.library().module(), run.database());
        for (Step step : run.steps()) {
            int count = step.statements().size();
            out.printf("%n  %s%n    %d statement%s%n", step.description(), count, count == 1 ? "" : "s");
            step.statements().forEach(s -> out.println("      " + s));
            step.printed().forEach(line -> out.println("    > " + line));
        }
    }

    public static void main(String[] args) {
        // Hibernate logs through JBoss Logging: send it to the build's one SLF4J provider.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        PrintStream out = System.out;
        out.println("The seed script: Alice with \"First Post\" and \"Second Post\", in three libraries.");
        boolean allRight = true;
        List<String> summary = new ArrayList<>();
        for (Library library : Library.ALL) {
            Run run = run(library);
            print(run, out);
            for (Step step : run.steps().subList(1, 3)) {
                allRight &= step.printed().equals(EXPECTED_TITLES);
            }
            summary.add("%-14s %s".formatted(library.name(), run.steps().stream()
                    .map(step -> String.valueOf(step.statements().size()))
                    .reduce((a, b) -> a + " + " + b).orElse("")));
        }
        out.printf("%nStatements per step (save + walk + read back):%n");
        summary.forEach(line -> out.println("  " + line));
        if (!allRight) {
            out.println("A library did not read back " + EXPECTED_TITLES);
            System.exit(1);
        }
    }
}
