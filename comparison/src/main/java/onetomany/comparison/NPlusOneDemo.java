package onetomany.comparison;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import onetomany.fixtures.Fixtures;
import onetomany.contract.LoadStrategy;
import onetomany.contract.UserPostRepository;
import onetomany.db.Database;
import onetomany.db.StatementLog;
import onetomany.libraries.Library;

/**
 * The N+1 problem, live, in seconds: a few users with two posts each on an in-memory H2 database, loaded with
 * {@link LoadStrategy#NAIVE} and then with {@link LoadStrategy#JOINED}, and every statement each load sent, numbered,
 * as the counting proxy saw it. The instructor's kit shows it on a slide:
 *
 * <pre>
 * ./mvnw -q -pl comparison -am compile exec:java -Dexec.mainClass=onetomany.comparison.NPlusOneDemo -Dlibrary=jpa
 * </pre>
 *
 * <p>{@code -Dlibrary=jpa} (or {@code mybatis}, {@code jdbi}; default: the three, one after the other) and
 * {@code -Dusers=5} (default 5). Exits with status 1 if a load sent other than what the contract says
 * ({@link LoadStrategy#statements(int)}).
 */
public final class NPlusOneDemo {

    private NPlusOneDemo() {
    }

    public static void main(String[] args) {
        // Hibernate logs through JBoss Logging: send it to the build's one SLF4J provider.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        String key = System.getProperty("library", "");
        List<Library> libraries = key.isBlank() ? Library.ALL : List.of(Library.of(key.strip()));
        int users = Integer.getInteger("users", 5);
        boolean asExpected = true;
        for (Library library : libraries) {
            asExpected &= show(library, users, System.out);
        }
        if (!asExpected) {
            System.exit(1);
        }
    }

    /** Prints both loads of {@code library}; false if one sent other than the contract's count of statements. */
    static boolean show(Library library, int users, PrintStream out) {
        try (Database db = Database.h2()) {
            new Fixtures(db.unproxiedDataSource()).seed(users, 2);
            try (UserPostRepository repository = library.repository(db.dataSource())) {
                boolean asExpected = true;
                for (LoadStrategy strategy : List.of(LoadStrategy.NAIVE, LoadStrategy.JOINED)) {
                    StatementLog log = db.statements();
                    log.reset();
                    int loaded = repository.findAllUsersWithPosts(strategy).size();
                    List<StatementLog.Executed> executed = log.executed();
                    out.printf(Locale.ROOT, "%s, %s, %d users with 2 posts each: %d statement%s%n", library.name(),
                            strategy, loaded, executed.size(), executed.size() == 1 ? "" : "s");
                    for (int i = 0; i < executed.size(); i++) {
                        out.printf(Locale.ROOT, "  %2d. %s%n", i + 1, executed.get(i));
                    }
                    asExpected &= executed.size() == strategy.statements(users);
                }
                out.println();
                return asExpected;
            }
        } catch (Exception e) {
            throw new IllegalStateException("the demonstration failed in " + library.name(), e);
        }
    }
}
