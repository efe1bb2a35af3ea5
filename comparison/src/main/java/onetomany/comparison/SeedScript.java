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
 * The seeds' script, through each library: Alice with two posts, saved by saving Alice alone; then her posts'
 * titles, from the saved object and read back from the database. Prints what each step sent to the database.
 *
 * <p>Each library gets a database of its own ({@link Database#open()}), emptied first.
 */
public final class SeedScript {

    /** One step of the script in one library: what it printed and the statements it sent. */
    public record Step(String description, List<String> printed, List<StatementLog.Executed> statements) {
    }

    /** The script's steps in one library. */
    public record Run(Library library, String database, StatementBudget budget, List<Step> steps) {

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

    private static List<String> titles(User user) {
        return user.getPosts().stream().map(Post::getTitle).toList();
    }

    /** Prints what each step of the script sent and printed. */
    static void print(Run run, PrintStream out) {
        out.printf("%n== %s (%s) on %s%n", run.library().name(), run.library().module(), run.database());
        for (Step step : run.steps()) {
            int count = step.statements().size();
            out.printf("%n  %s%n    %d statement%s%n", step.description(), count, count == 1 ? "" : "s");
            step.statements().forEach(s -> out.println("      " + s));
            step.printed().forEach(line -> out.println("    > " + line));
        }
    }
}
