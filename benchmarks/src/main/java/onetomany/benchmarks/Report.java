package onetomany.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import onetomany.libraries.Library;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** The Markdown report: JMH's scores with their ratio to the JDBC floor and allocation, then the measurements. */
final class Report {

    private Report() {
    }

    private record Operation(String benchmark, String users, String title) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("UsersWithPostsBenchmark.joined", "1000", "All users with posts, `JOINED`, 1,000 × 10"),
            new Operation("UsersWithPostsBenchmark.joined", "10000", "All users with posts, `JOINED`, 10,000 × 10"),
            new Operation("UsersWithPostsBenchmark.selectIn", "1000", "All users with posts, `SELECT_IN`, 1,000 × 10"),
            new Operation("UsersWithPostsBenchmark.selectIn", "10000",
                    "All users with posts, `SELECT_IN`, 10,000 × 10"),
            new Operation("PostsWithAuthorsBenchmark.postsWithAuthors", "10000", "All posts with authors, 10,000 × 10"),
            new Operation("PostSummariesBenchmark.postSummaries", "10000",
                    "All posts with authors' names, as records, 10,000 × 10"),
            new Operation("PageBenchmark.page", "10000",
                    "A page of 50 users with posts, from the middle of 10,000 × 10"),
            new Operation("NaiveBenchmark.naive", "1000", "All users with posts, `NAIVE` (N+1), 1,000 × 10"),
            new Operation("NaiveBenchmark.naive", "10000", "All users with posts, `NAIVE` (N+1), 10,000 × 10"),
            new Operation("CreateUserBenchmark.createUserWithPosts", null, "Create a user with 10 posts"),
            new Operation("DeleteUserBenchmark.deleteUserWithPosts", null, "Delete a user with 10 posts"),
            new Operation("SaveUserBenchmark.saveUserWithPosts", null,
                    "Save a user from a draft: 2 of 10 posts added, 2 edited, 1 removed"));

    /** The eager read at 10,000 × 10: each library's default, its tuned forms, and the targets. */
    private record Form(String key, String library, String form, String target, double limit) {
    }

    private static final List<Form> FORMS = List.of(
            new Form("jdbc", "JDBC", "the floor: one left join, columns by index, rows folded as they come", "", 0),
            new Form("jdbi-label-per-row", "Jdbi", "default: `reduceRows`, `RowMapper` lambdas reading by label",
                    "≤ 1.2×", 1.2),
            new Form("jdbi", "Jdbi", "module-jdbi (tuned): `RowMapper.specialize`, a `QualifiedType` constant",
                    "≤ 1.2×", 1.2),
            new Form("jdbi-by-index", "Jdbi", "alternative: a `RowMapper` per type by index, `reduceResultSet`",
                    "≤ 1.2×", 1.2),
            new Form("springdatajdbc-repository", "Spring Data JDBC",
                    "default: a repository's `findAll(Sort.by(\"id\"))`, each user's posts by a query of its own "
                            + "(1 + N)", "", 0),
            new Form("springdatajdbc", "Spring Data JDBC",
                    "module-spring-data-jdbc: the join folded by a `ResultSetExtractor`, columns by label", "≤ 1.2×",
                    1.2),
            new Form("springdatajdbc-single-query", "Spring Data JDBC",
                    "alternative: single query loading, `findAll()` sorted in memory (1 statement on PostgreSQL and "
                            + "MariaDB, 1 + N on H2)", "", 0),
            new Form("mybatis", "MyBatis",
                    "module-mybatis (tuned): nested result map, `resultOrdered`, public constructors", "≤ 2.0×", 2.0),
            new Form("mybatis-flat", "MyBatis", "alternative: flat constructor mapping, a `ResultHandler` folds",
                    "≤ 2.0×", 2.0),
            new Form("jooq-result", "jOOQ", "default: `fetch()` the whole `Result`, a map by user id folds it", "",
                    0),
            new Form("jooq", "jOOQ", "module-jooq: a `Cursor` (`fetchLazy`) folded as the rows come", "", 0),
            new Form("jooq-multiset", "jOOQ", "extra: `multiset`, 1 statement, no join, the posts as JSON per user",
                    "", 0),
            new Form("jpa-plain-session", "Hibernate", "default: `left join fetch` in a plain session", "≤ 4.0×",
                    4.0),
            new Form("jpa", "Hibernate", "module-jpa (tuned): read-only session, `FlushMode.MANUAL`", "≤ 4.0×", 4.0),
            new Form("jpa-stateless", "Hibernate", "alternative: `StatelessSession`, `left join fetch`", "≤ 4.0×", 4.0),
            new Form("jpa-tuples", "Hibernate", "read model: HQL tuples folded into plain objects", "≤ 1.5×", 1.5));

    static String markdown(String profile, Collection<RunResult> results, Measurements m, double loadBefore,
                           double loadAfter, Duration wall) {
        StringBuilder md = new StringBuilder(header(profile, m.database, loadBefore, loadAfter, wall));

        md.append("Per cell: JMH average time per operation, its ratio to the JDBC floor, and the memory allocated ")
                .append("per operation (`-prof gc`, `gc.alloc.rate.norm`).\n\n");
        md.append(header("Operation"));
        for (Operation op : OPERATIONS) {
            Optional<RunResult> floor = find(results, op.benchmark(), op.users(), "jdbc");
            if (Subjects.keys().stream().allMatch(key -> find(results, op.benchmark(), op.users(), key).isEmpty())) {
                continue; // not in this profile (the reference profile reads 10,000 users only)
            }
            md.append("| ").append(op.title());
            for (String library : Subjects.keys()) {
                md.append(" | ").append(find(results, op.benchmark(), op.users(), library)
                        .map(r -> cell(r, floor)).orElse("—"));
            }
            md.append(" |\n");
        }

        md.append("\nHeap each read's result keeps alive: heap in use after a full GC with the result held, minus ")
                .append("before it was read (one result at a time, after a first read that filled the caches).\n\n");
        md.append(header("Read"));
        for (Operation op : OPERATIONS) {
            Map<String, Long> retained = m.retainedByRead.get(op.benchmark() + " " + op.users());
            if (retained == null) {
                continue; // a write: its result is one user
            }
            md.append("| ").append(op.title());
            for (String library : Subjects.keys()) {
                md.append(" | ").append(Optional.ofNullable(retained.get(library)).map(Report::bytes).orElse("—"));
            }
            md.append(" |\n");
        }

        md.append("\nThe eager read at 10,000 users × 10 posts (`JOINED`), each library's default beside its tuned ")
                .append("forms; retained heap: what the result keeps alive after a full GC.\n\n");
        md.append("| Library | Form | Time | Ratio to floor | Target | Met | Allocated / op | Retained heap |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        Optional<RunResult> floor = find(results, "UsersWithPostsBenchmark.joined", "10000", "jdbc");
        for (Form form : FORMS) {
            Optional<RunResult> r = find(results, "UsersWithPostsBenchmark.joined", "10000", form.key())
                    .or(() -> find(results, "TunedReadBenchmark.joined", "10000", form.key()));
            String ratio = r.flatMap(x -> ratio(x, floor)).map(x -> String.format(Locale.ROOT, "%.2f×", x)).orElse("—");
            String met = form.limit() == 0 ? "" : r.flatMap(x -> ratio(x, floor))
                    .map(x -> x <= form.limit() ? "yes" : "no").orElse("—");
            md.append("| ").append(form.library()).append(" | ").append(form.form())
                    .append(" | ").append(r.map(Report::score).orElse("—"))
                    .append(" | ").append(ratio)
                    .append(" | ").append(form.target())
                    .append(" | ").append(met)
                    .append(" | ").append(r.flatMap(Report::allocated).map(Report::bytes).orElse("—"))
                    .append(" | ").append(Optional.ofNullable(m.retainedBytes.get(form.key())).map(Report::bytes)
                            .orElse("—"))
                    .append(" |\n");
        }

        md.append("\nStatements sent versus N users, counted by the proxy DataSource (one post per user: the counts ")
                .append("do not depend on it):\n\n| Read | Library |");
        for (int n : Measurements.N) {
            md.append(String.format(Locale.ROOT, " N = %,d |", n));
        }
        md.append("\n|---|---|").append("---:|".repeat(Measurements.N.length)).append('\n');
        for (Map.Entry<String, List<Integer>> row : m.statements.entrySet()) {
            int space = row.getKey().lastIndexOf(' ');
            String read = row.getKey().substring(0, space);
            md.append("| ").append(read.equals(read.toUpperCase(Locale.ROOT)) ? "`" + read + "`" : read)
                    .append(" | ").append(row.getKey().substring(space + 1)).append(" |");
            row.getValue().forEach(count -> md.append(String.format(Locale.ROOT, " %,d |", count)));
            md.append('\n');
        }
        return md.toString();
    }

    /** A table's header: its first column, the floor, then every library of the registry. */
    private static String header(String first) {
        StringBuilder header = new StringBuilder("| ").append(first).append(" | JDBC floor |");
        Library.ALL.forEach(library -> header.append(' ').append(library.name()).append(" |"));
        return header.append("\n|---|---|").append("---|".repeat(Library.ALL.size())).append('\n').toString();
    }

    /** The report's title, and where and when it was measured. */
    static String header(String profile, String database, double loadBefore, double loadAfter, Duration wall) {
        return "### Results (" + profile + " profile, " + LocalDate.now() + ")\n\n"
                + "Machine: " + machine() + "; JDK: " + System.getProperty("java.vm.name") + ' '
                + System.getProperty("java.runtime.version") + "; database: " + database + ".  \n"
                + String.format(Locale.ROOT,
                        "Load average (1 min) %.2f before the run, %.2f after; wall time %d min %d s.%n%n",
                        loadBefore, loadAfter, wall.toMinutes(), wall.toSecondsPart());
    }

    static Optional<RunResult> find(Collection<RunResult> results, String benchmark, String users,
                                    String subject) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .filter(r -> subject.equals(r.getParams().getParam("library"))
                        || subject.equals(r.getParams().getParam("form")))
                .filter(r -> users == null || users.equals(r.getParams().getParam("users")))
                .findFirst();
    }

    private static String cell(RunResult r, Optional<RunResult> floor) {
        return score(r) + " · " + ratio(r, floor).map(x -> String.format(Locale.ROOT, "%.2f×", x)).orElse("—")
                + " · " + allocated(r).map(Report::bytes).orElse("—");
    }

    static String score(RunResult r) {
        Result<?> p = r.getPrimaryResult();
        String error = Double.isNaN(p.getScoreError()) ? ""
                : String.format(Locale.ROOT, " ± %s", number(p.getScoreError()));
        return number(p.getScore()) + error + " " + p.getScoreUnit().replace("/op", "");
    }

    private static Optional<Double> ratio(RunResult r, Optional<RunResult> floor) {
        return floor.map(f -> r.getPrimaryResult().getScore() / f.getPrimaryResult().getScore());
    }

    static Optional<Double> allocated(RunResult r) {
        for (String key : List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm")) {
            Result<?> result = r.getSecondaryResults().get(key);
            if (result != null) {
                return Optional.of(result.getScore());
            }
        }
        return Optional.empty();
    }

    static String number(double x) {
        return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x)
                : x >= 10 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.2f", x);
    }

    static String bytes(double b) {
        if (b >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", b / (1 << 20));
        }
        if (b >= 1 << 10) {
            return String.format(Locale.ROOT, "%.1f KB", b / (1 << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip() + ", ")
                    .findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            cpu = "";
        }
        return cpu + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
