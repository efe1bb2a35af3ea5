package onetomany.comparison;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import onetomany.libraries.Library;
import onetomany.operations.Operation;

/**
 * Every figure the pages quote, computed from what it measures: lines of code from the modules' sources, the number
 * of operations and libraries from the catalogue and the registry, times and ratios from the committed benchmark
 * runs ({@code benchmarks/reference/<run>/}: JMH's {@code jmh-result.json}, the runner's {@code benchmarks.md} and
 * {@code run.properties} with the run's date, machine, database and commit).
 *
 * <p>A page holds a figure as {@code <!--fig:NAME-->VALUE<!--/fig-->} (the comments do not show when the page is
 * rendered), a generated block as {@code <!--figures:NAME-->} ... {@code <!--/figures-->}. {@code --write} puts the
 * computed values in; {@code FiguresTest} fails when a page's value differs, when a page quotes a ratio outside a
 * marker, or when a run is older than the code it measures.
 *
 * <pre>
 * ./mvnw -q -pl comparison -am compile exec:java -Dexec.mainClass=onetomany.comparison.Figures \
 *     -Dexec.args=--write
 * </pre>
 */
public final class Figures {

    /** The pages whose figures are computed here. */
    public static final List<String> PAGES = List.of("README.md", "docs/guide.md", "docs/ru/guide.md",
            "benchmarks/README.md", "comparison/README.md", "comparison/README.ru.md");

    /** The pages above, then every library module's README, English and Russian, those that exist. */
    public static List<String> pages(Path root) {
        List<String> pages = new ArrayList<>(PAGES);
        for (Library library : Library.ALL) {
            pages.add(library.module() + "/README.md");
            pages.add(library.module() + "/README.ru.md");
        }
        return pages.stream().filter(page -> Files.exists(root.resolve(page))).toList();
    }

    /** The committed benchmark runs. */
    public static final String REFERENCE = "benchmarks/reference";

    /** What a run measures: a change under one of these after its commit makes it stale. */
    public static final List<String> MEASURED = List.of("pom.xml", "common-schema/src/main", "test-harness/src/main",
            "benchmarks/src/main");

    static final Pattern FIGURE = Pattern.compile("<!--fig:([A-Za-z0-9_.:=-]+)-->(.*?)<!--/fig-->");
    static final Pattern BLOCK = Pattern.compile("<!--figures:([A-Za-z0-9_.:=-]+)-->\\n(.*?)<!--/figures-->",
            Pattern.DOTALL);

    private final Path root;
    private final Map<String, String> values = new TreeMap<>();
    private final List<Run> runs = new ArrayList<>();

    /** A committed benchmark run. */
    public record Run(String name, Path folder, Properties properties, List<Result> results) {

        public String commit() {
            return properties.getProperty("commit", "");
        }
    }

    /** One JMH result: a benchmark, its parameters but the library, the library, its score. */
    public record Result(String benchmark, String parameters, String library, double score, double error,
                         String unit) {
    }

    public Figures(Path root) {
        this.root = root;
        compute();
    }

    /** The value of every figure, by name. */
    public Map<String, String> values() {
        return values;
    }

    public List<Run> runs() {
        return runs;
    }

    private void compute() {
        values.put("operations", String.valueOf(Operation.values().length));
        values.put("libraries", String.valueOf(Library.ALL.size()));
        StringBuilder lines = new StringBuilder("| | ");
        StringBuilder rule = new StringBuilder("|---|");
        List<int[]> counts = new ArrayList<>();
        for (Library library : Library.ALL) {
            lines.append(library.name()).append(" | ");
            rule.append("---:|");
            int[] count = linesOfCode(root.resolve(library.module()).resolve("src/main"));
            counts.add(count);
            String key = "loc." + library.key();
            values.put(key + ".model", String.valueOf(count[0]));
            values.put(key + ".repository", String.valueOf(count[1]));
            values.put(key + ".other", String.valueOf(count[2]));
            values.put(key + ".total", String.valueOf(count[0] + count[1] + count[2]));
        }
        String[] english = {"Model (`model/`)", "Repository (`*UserPostRepository`)",
            "Mapping besides (mappers, XML, row mappers, configuration)", "Total"};
        String[] russian = {"Модель (`model/`)", "Репозиторий (`*UserPostRepository`)",
            "Остальной маппинг (мапперы, XML, row mappers, конфигурация)", "Всего"};
        values.put("block:lines-of-code", linesTable(lines, rule, counts, english));
        values.put("block:lines-of-code:ru", linesTable(lines, rule, counts, russian));
        readRuns();
    }

    private static String linesTable(StringBuilder head, StringBuilder rule, List<int[]> counts, String[] rows) {
        StringBuilder table = new StringBuilder(head.toString().strip()).append('\n').append(rule).append('\n');
        for (int row = 0; row < rows.length; row++) {
            table.append("| ").append(rows[row]);
            for (int[] count : counts) {
                int value = row < 3 ? count[row] : count[0] + count[1] + count[2];
                table.append(" | ").append(value);
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    /**
     * Lines of a module's {@code src/main} that are neither blank nor comments (imports included): [model, the
     * repository, the rest]. Generated sources (under {@code target/}) are not counted.
     */
    static int[] linesOfCode(Path main) {
        int[] count = new int[3];
        if (!Files.isDirectory(main)) {
            return count;
        }
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".java") && !name.endsWith(".xml")) {
                    continue;
                }
                int lines = codeLines(Files.readString(file), name.endsWith(".xml"));
                String relative = main.relativize(file).toString().replace('\\', '/');
                int slot = relative.contains("/model/") ? 0 : name.endsWith("UserPostRepository.java") ? 1 : 2;
                count[slot] += lines;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** Lines that are not blank, not inside a comment ({@code //}, {@code /* *}{@code /}, {@code <!-- -->}). */
    static int codeLines(String text, boolean xml) {
        String open = xml ? "<!--" : "/*";
        String close = xml ? "-->" : "*/";
        int count = 0;
        boolean inComment = false;
        for (String line : text.split("\n", -1)) {
            String rest = line.strip();
            boolean code = false;
            while (!rest.isEmpty()) {
                if (inComment) {
                    int end = rest.indexOf(close);
                    if (end < 0) {
                        rest = "";
                    } else {
                        inComment = false;
                        rest = rest.substring(end + close.length()).strip();
                    }
                } else if (rest.startsWith(open)) {
                    inComment = true;
                    rest = rest.substring(open.length());
                } else if (!xml && rest.startsWith("//")) {
                    rest = "";
                } else {
                    code = true;
                    int start = rest.indexOf(open);
                    rest = start < 0 ? "" : rest.substring(start);
                }
            }
            if (code) {
                count++;
            }
        }
        return count;
    }

    private void readRuns() {
        Path folder = root.resolve(REFERENCE);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> children = Files.list(folder)) {
            for (Path run : children.filter(Files::isDirectory).sorted().toList()) {
                runs.add(readRun(run));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Run run : runs) {
            String name = run.name();
            for (String property : run.properties().stringPropertyNames()) {
                values.put(name + "." + property, run.properties().getProperty(property));
            }
            values.put(name + ".commit-short", run.commit().substring(0, Math.min(7, run.commit().length())));
            Path markdown = run.folder().resolve("benchmarks.md");
            if (Files.exists(markdown)) {
                values.put("block:" + name, read(markdown).strip() + "\n");
            }
            values.put("block:ratios:" + name, ratiosTable(run, false));
            values.put("block:ratios:" + name + ":ru", ratiosTable(run, true));
            values.put("block:claims:" + name, claims(run, false));
            values.put("block:claims:" + name + ":ru", claims(run, true));
            values.put("block:verdict:" + name, verdict(run, false));
            values.put("block:verdict:" + name + ":ru", verdict(run, true));
            for (Result result : run.results()) {
                String key = name + "." + result.benchmark() + (result.parameters().isEmpty() ? ""
                        : "." + result.parameters()) + "." + result.library();
                values.put("time." + key, time(result.score(), result.unit()));
                floor(run, result).ifPresent(floor -> values.put("ratio." + key,
                        ratio(result.score() / floor.score())));
            }
        }
    }

    /**
     * The benchmarks the tables show, in their order, with their rows' words in English and Russian: the contract's
     * operations as {@code benchmarks} measures them, against the JDBC floor.
     */
    static final List<String[]> ROWS = List.of(
            new String[] {"UsersWithPosts.joined.10000", "all users with posts, `JOINED`, 10,000 × 10",
                "все пользователи с постами, `JOINED`, 10 000 × 10"},
            new String[] {"UsersWithPosts.selectIn.10000", "all users with posts, `SELECT_IN`, 10,000 × 10",
                "все пользователи с постами, `SELECT_IN`, 10 000 × 10"},
            new String[] {"Naive.naive.10000", "all users with posts, `NAIVE` (N+1), 10,000 × 10",
                "все пользователи с постами, `NAIVE` (N+1), 10 000 × 10"},
            new String[] {"PostsWithAuthors.postsWithAuthors.10000", "all posts with their authors, 10,000 × 10",
                "все посты с авторами, 10 000 × 10"},
            new String[] {"Page.page.10000", "a page of 50 users with their posts, of 10,000",
                "страница из 50 пользователей с постами, из 10 000"},
            new String[] {"PostSummaries.postSummaries.10000", "post summaries (a projection), 100,000 posts",
                "сводки постов (проекция), 100 000 постов"},
            new String[] {"CreateUser.createUserWithPosts", "create a user with 10 posts",
                "создать пользователя с 10 постами"},
            new String[] {"DeleteUser.deleteUserWithPosts", "delete a user with 10 posts",
                "удалить пользователя с 10 постами"},
            new String[] {"SaveUser.saveUserWithPosts", "save a draft: 2 of 10 posts added, 2 edited, 1 removed",
                "сохранить черновик: 2 из 10 постов добавлены, 2 изменены, 1 удалён"});

    /** The results of a row's benchmark, by library, in the registry's order; empty when the run has none. */
    private static Map<Library, Result> row(Run run, String id) {
        Map<Library, Result> cells = new LinkedHashMap<>();
        for (Library library : Library.ALL) {
            run.results().stream().filter(r -> r.library().equals(library.key()) && key(r).equals(id))
                    .findFirst().ifPresent(r -> cells.put(library, r));
        }
        return cells;
    }

    private static String key(Result r) {
        return r.benchmark() + (r.parameters().isEmpty() ? "" : "." + r.parameters());
    }

    /**
     * Each library's time over the floor's, per operation, and the fastest library marked where its interval
     * (score ± JMH's 99.9 % error) lies below every other library's: where intervals overlap, no mark.
     */
    String ratiosTable(Run run, boolean russian) {
        StringBuilder table = new StringBuilder(russian ? "| Операция | JDBC вручную" : "| Operation | JDBC floor");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (Library library : Library.ALL) {
            table.append(" | ").append(library.name());
            rule.append("---:|");
        }
        table.append(" |\n").append(rule).append('\n');
        for (String[] row : ROWS) {
            Map<Library, Result> cells = row(run, row[0]);
            Optional<Result> floor = run.results().stream()
                    .filter(r -> r.library().equals("jdbc") && key(r).equals(row[0])).findFirst();
            if (cells.isEmpty() || floor.isEmpty()) {
                continue;
            }
            Optional<Library> fastest = fastest(cells);
            table.append("| ").append(row[russian ? 2 : 1]).append(" | ")
                    .append(time(floor.get().score(), floor.get().unit()));
            for (Library library : Library.ALL) {
                Result r = cells.get(library);
                table.append(" | ");
                if (r != null) {
                    String cell = ratio(r.score() / floor.get().score());
                    table.append(fastest.filter(library::equals).isPresent() ? "**" + cell + "**" : cell);
                }
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    /**
     * The notes' two claims, checked against a run: eager loading against N+1, and select-in against a join for large
     * data, for the floor and every library: which is faster where the intervals do not overlap, "about the same"
     * where they do.
     */
    String claims(Run run, boolean russian) {
        StringBuilder text = new StringBuilder();
        List<String> subjects = new ArrayList<>(List.of("jdbc"));
        Library.ALL.forEach(library -> subjects.add(library.key()));
        List<String> naive = new ArrayList<>();
        List<String> selectIn = new ArrayList<>();
        for (String subject : subjects) {
            String label = subject.equals("jdbc") ? (russian ? "JDBC вручную" : "the JDBC floor")
                    : Library.of(subject).name();
            Optional<Result> joined = result(run, "UsersWithPosts.joined.10000", subject);
            Optional<Result> n1 = result(run, "Naive.naive.10000", subject);
            Optional<Result> in = result(run, "UsersWithPosts.selectIn.10000", subject);
            if (joined.isPresent() && n1.isPresent()) {
                naive.add(label + " " + number(n1.get().score() / joined.get().score()));
            }
            if (joined.isPresent() && in.isPresent()) {
                Result j = joined.get();
                Result i = in.get();
                String verdict = overlap(i, j) ? (russian ? "примерно одинаково" : "about the same")
                        : i.score() < j.score() ? (russian ? "`SELECT_IN` быстрее" : "`SELECT_IN` faster")
                        : (russian ? "`JOINED` быстрее" : "`JOINED` faster");
                selectIn.add(label + ": " + time(i.score(), i.unit()) + " / " + time(j.score(), j.unit()) + ", "
                        + verdict);
            }
        }
        if (!naive.isEmpty()) {
            text.append(russian
                    ? "- `NAIVE` (N+1, 10 001 запрос) против `JOINED` (1 запрос), 10 000 пользователей × 10 постов, во"
                    + " сколько раз дольше: "
                    : "- `NAIVE` (N+1, 10,001 statements) against `JOINED` (1 statement), 10,000 users × 10 posts, how"
                    + " many times as long: ").append(String.join(", ", naive)).append(".\n");
        }
        if (!selectIn.isEmpty()) {
            text.append(russian
                    ? "- `SELECT_IN` (21 запрос, пачки по 500 id) против `JOINED` (1 запрос), 10 000 пользователей"
                    + " × 10 постов: "
                    : "- `SELECT_IN` (21 statements, chunks of 500 ids) against `JOINED` (1 statement), 10,000 users"
                    + " × 10 posts: ").append(String.join("; ", selectIn)).append(".\n");
        }
        return text.toString();
    }

    private static Optional<Result> result(Run run, String id, String subject) {
        return run.results().stream().filter(r -> r.library().equals(subject) && key(r).equals(id)).findFirst();
    }

    /** Whether two results' intervals (score ± JMH's error) overlap: the run cannot order them. */
    static boolean overlap(Result a, Result b) {
        double ea = Double.isNaN(a.error()) ? 0 : a.error();
        double eb = Double.isNaN(b.error()) ? 0 : b.error();
        return a.score() - ea <= b.score() + eb && b.score() - eb <= a.score() + ea;
    }

    /** The library whose interval lies entirely below every other library's, if one does. */
    static Optional<Library> fastest(Map<Library, Result> cells) {
        for (Map.Entry<Library, Result> candidate : cells.entrySet()) {
            Result c = candidate.getValue();
            double high = c.score() + (Double.isNaN(c.error()) ? 0 : c.error());
            boolean below = cells.size() > 1 && cells.entrySet().stream()
                    .filter(e -> e != candidate)
                    .allMatch(e -> high < e.getValue().score()
                            - (Double.isNaN(e.getValue().error()) ? 0 : e.getValue().error()));
            if (below && !Double.isNaN(c.error())) {
                return Optional.of(candidate.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * The verdict of a run in a few lines: for a read of many rows, a write, the save of a draft and the page, the
     * libraries from the fastest to the slowest with their ratio to the floor; and each repository's lines.
     */
    String verdict(Run run, boolean russian) {
        StringBuilder lines = new StringBuilder();
        String[][] picks = {
            {"UsersWithPosts.joined.10000", "Reading 10,000 users with 100,000 posts (`JOINED`)",
                "Чтение 10 000 пользователей со 100 000 постов (`JOINED`)"},
            {"CreateUser.createUserWithPosts", "Creating a user with 10 posts", "Создание пользователя с 10 постами"},
            {"SaveUser.saveUserWithPosts", "Saving a draft (2 posts added, 2 edited, 1 removed)",
                "Сохранение черновика (2 поста добавлены, 2 изменены, 1 удалён)"},
            {"Page.page.10000", "A page of 50 users with their posts", "Страница из 50 пользователей с постами"}};
        for (String[] pick : picks) {
            Map<Library, Result> cells = row(run, pick[0]);
            Optional<Result> floor = run.results().stream()
                    .filter(r -> r.library().equals("jdbc") && key(r).equals(pick[0])).findFirst();
            if (cells.isEmpty() || floor.isEmpty()) {
                continue;
            }
            List<Map.Entry<Library, Result>> ordered = new ArrayList<>(cells.entrySet());
            ordered.sort(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(Result::score)));
            lines.append("- ").append(pick[russian ? 2 : 1]).append(": ");
            for (int i = 0; i < ordered.size(); i++) {
                Map.Entry<Library, Result> e = ordered.get(i);
                lines.append(i == 0 ? "" : ", ").append(e.getKey().name()).append(' ')
                        .append(ratio(e.getValue().score() / floor.get().score()));
            }
            lines.append(russian ? " от JDBC вручную.\n" : " of hand-written JDBC's time.\n");
        }
        lines.append(russian ? "- Строк кода в репозитории: " : "- Lines of code in the repository class: ");
        for (int i = 0; i < Library.ALL.size(); i++) {
            Library library = Library.ALL.get(i);
            lines.append(i == 0 ? "" : ", ").append(library.name()).append(' ')
                    .append(values.get("loc." + library.key() + ".repository"));
        }
        lines.append(".\n");
        return lines.toString();
    }

    /** The floor's result for the same benchmark and parameters (the tuned reads' floor is the eager read's). */
    static Optional<Result> floor(Run run, Result result) {
        String benchmark = result.benchmark().startsWith("TunedRead.") ? "UsersWithPosts.joined"
                : result.benchmark();
        return run.results().stream()
                .filter(r -> r.library().equals("jdbc") && r.benchmark().equals(benchmark)
                        && r.parameters().equals(result.parameters()))
                .findFirst();
    }

    static Run readRun(Path folder) {
        Properties properties = new Properties();
        Path file = folder.resolve("run.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Result> results = new ArrayList<>();
        Path json = folder.resolve("jmh-result.json");
        if (Files.exists(json)) {
            JsonArray array = JsonParser.parseString(read(json)).getAsJsonArray();
            for (JsonElement element : array) {
                JsonObject result = element.getAsJsonObject();
                String benchmark = result.get("benchmark").getAsString()
                        .replaceFirst("^onetomany\\.benchmarks\\.", "").replace("Benchmark.", ".");
                Map<String, String> params = new LinkedHashMap<>();
                if (result.has("params")) {
                    result.getAsJsonObject("params").entrySet()
                            .forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
                }
                String library = params.getOrDefault("library", params.getOrDefault("form", "?"));
                params.remove("library");
                params.remove("form");
                JsonObject metric = result.getAsJsonObject("primaryMetric");
                double error = metric.get("scoreError").isJsonPrimitive()
                        && metric.get("scoreError").getAsJsonPrimitive().isNumber()
                        ? metric.get("scoreError").getAsDouble() : Double.NaN;
                results.add(new Result(benchmark, String.join(".", params.values()), library,
                        metric.get("score").getAsDouble(), error, metric.get("scoreUnit").getAsString()));
            }
        }
        return new Run(folder.getFileName().toString(), folder, properties, List.copyOf(results));
    }

    /** A ratio as the pages write it: two decimals and a times sign, {@code 3.66×}. */
    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** A JMH time with its unit, three significant digits, e.g. {@code 335 ms}, {@code 1,872 µs}, {@code 9.73 ms}. */
    static String time(double score, String unit) {
        String u = unit.replace("/op", "").replace("us", "µs");
        return number(score) + " " + u;
    }

    static String number(double x) {
        if (x >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        return String.format(Locale.ROOT, x >= 10 ? "%.1f" : "%.2f", x);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a page is Russian: its numbers are written {@code 3,66×} and {@code 10 000}. */
    static boolean russian(String pageName) {
        return pageName.contains("/ru/") || pageName.endsWith(".ru.md");
    }

    /** A value as a Russian page writes it: a space between thousands, a comma before decimals. */
    static String russianNumbers(String value) {
        String spaced = value.replaceAll("(\\d),(\\d{3})(?!\\d)", "$1 $2").replaceAll("(\\d),(\\d{3})(?!\\d)", "$1 $2");
        return spaced.replaceAll("(\\d)\\.(\\d)", "$1,$2").replaceAll("(\\d) µs\\b", "$1 мкс")
                .replaceAll("(\\d) ms\\b", "$1 мс");
    }

    /** The page with every figure and block set to its computed value; an unknown name is an error. */
    public String fill(String page, String pageName) {
        Matcher block = BLOCK.matcher(page);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            String value = value("block:" + block.group(1), pageName);
            block.appendReplacement(out, Matcher.quoteReplacement(
                    "<!--figures:" + block.group(1) + "-->\n" + value + "<!--/figures-->"));
        }
        block.appendTail(out);
        Matcher figure = FIGURE.matcher(out.toString());
        StringBuilder filled = new StringBuilder();
        while (figure.find()) {
            String value = value(figure.group(1), pageName);
            figure.appendReplacement(filled, Matcher.quoteReplacement(
                    "<!--fig:" + figure.group(1) + "-->" + value + "<!--/fig-->"));
        }
        figure.appendTail(filled);
        return filled.toString();
    }

    private String value(String name, String pageName) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(pageName + " quotes a figure nothing measures: " + name);
        }
        return russian(pageName) && !name.startsWith("block:reference") ? russianNumbers(value) : value;
    }

    /** {@code --write}: fills every page in place; otherwise prints the pages that differ and exits 1 if any. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(".").toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("comparison")) && Files.exists(root.resolve("../comparison"))) {
            root = root.resolve("..").normalize();
        }
        Figures figures = new Figures(root);
        boolean write = List.of(args).contains("--write");
        int differing = 0;
        for (String name : pages(root)) {
            Path page = root.resolve(name);
            String text = Files.readString(page);
            String filled = figures.fill(text, name);
            if (!filled.equals(text)) {
                differing++;
                if (write) {
                    Files.writeString(page, filled);
                    System.out.println("wrote " + name);
                } else {
                    System.out.println("differs from its measurements: " + name);
                }
            }
        }
        if (!write && differing > 0) {
            System.exit(1);
        }
    }
}
