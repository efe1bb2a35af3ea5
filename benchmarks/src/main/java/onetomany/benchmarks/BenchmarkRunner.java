package onetomany.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks' one command:
 * {@code java -jar benchmarks/target/benchmarks.jar [short|targets|long|large] [output folder] [benchmark regex]}.
 * Runs JMH with {@code -prof gc}, writes its JSON, then counts statements versus N and measures the heap each
 * result retains, and writes everything as one Markdown report.
 *
 * <p>{@code short}: 1 fork, 1 warm-up iteration of 1 s and 3 measured of 0.5 s: every benchmark, indicative
 * numbers; most of the time goes to starting 50 forks and seeding their databases. {@code targets}: only the eager
 * read at 10,000 users, every form of it, 3 warm-up and 5 measured iterations of 2 s. {@code long}: 3 forks,
 * 5 warm-up and 10 measured iterations of 2 s each, for real numbers. How long each takes: the README.
 * {@code large}: a million posts, the stream beside {@code JOINED} in each module (time, and the heap each needs,
 * measured in JVMs of their own), and the statement table to N = 100,000; its own report ({@link LargeReport}).
 * Every subject's {@code library} parameter is given here, from the registry ({@link Subjects#keys()}).
 * JMH's own command line stays available: {@code java -cp benchmarks.jar org.openjdk.jmh.Main -h}; there,
 * {@code -p library=} with those keys, comma-separated, measures every subject, and without it the floor alone.
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        String profile = args.length > 0 ? args[0] : "short";
        Path output = Path.of(args.length > 1 ? args[1] : "benchmarks/target/benchmarks");
        String include = args.length > 2 ? args[2]
                : profile.equals("targets") ? "onetomany\\.benchmarks\\.(UsersWithPosts|TunedRead)Benchmark\\.joined"
                : profile.equals("large") ? "onetomany\\.benchmarks\\.LargeReadBenchmark\\..*"
                // Every benchmark but the large reads, the reads at 10,000 users (N+1 too: 10,001 statements).
                : profile.equals("reference") ? "onetomany\\.benchmarks\\.(?!Large).*Benchmark\\..*"
                // Every benchmark but the large reads, which take seconds each: their own profile.
                : "onetomany\\.benchmarks\\.(?!Large).*Benchmark\\..*";
        Files.createDirectories(output);
        Path json = output.resolve("jmh-result.json");

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Instant start = Instant.now();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                // The large reads are the modules' own (the stream): the floor is not among their subjects.
                .param("library", (profile.equals("large") ? LargeReadBenchmark.MODULES : Subjects.keys())
                        .toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .jvmArgsAppend(forkArguments());
        switch (profile) {
            case "short" -> options.forks(1)
                    .warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
            // The eager read at 10,000 users only (the targets), every form of it, measured longer.
            case "targets" -> options.param("users", "10000").forks(1)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
            // The committed reference the pages quote: two forks (a JIT's choices differ from one JVM to the
            // next more than iterations within one differ), short iterations, so that it fits in minutes.
            case "reference" -> options.param("users", "10000").forks(Integer.getInteger("forks", 2))
                    .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
            case "long" -> options.forks(3)
                    .warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(10).measurementTime(TimeValue.seconds(2));
            // A million posts: one read per iteration (the benchmark is single-shot), 1 warm-up and 3 measured.
            case "large" -> options.forks(1).warmupIterations(1).measurementIterations(3);
            default -> throw new IllegalArgumentException(
                    "profile is short, targets, reference, long or large, not " + profile);
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        Path markdown = output.resolve("benchmarks.md");
        if (profile.equals("large")) {
            System.out.println("Counting statements up to N = 100,000, and measuring the heap of each large read...");
            LargeMeasurements large = LargeMeasurements.take();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Duration wall = Duration.between(start, Instant.now());
            Files.writeString(markdown, LargeReport.markdown(results, large, loadBefore, loadAfter, wall));
            System.out.println(Files.readString(markdown));
            System.out.println("Written: " + json + " and " + markdown);
            if (!large.allAsExpected()) {
                System.out.println("A count differs from the contract's, or a read failed: see the report above.");
                System.exit(1);
            }
            return;
        }
        System.out.println("Counting statements versus N, and measuring the heap each result retains...");
        Measurements measurements = Measurements.take();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Duration wall = Duration.between(start, Instant.now());

        Files.writeString(markdown, Report.markdown(profile, results, measurements, loadBefore, loadAfter, wall));
        System.out.println(Files.readString(markdown));
        System.out.println("Written: " + json + " and " + markdown);
    }

    /** The database switch, passed on to JMH's forks; a fixed heap, so that GC sizing does not vary by run. */
    private static String[] forkArguments() {
        // Hibernate logs through JBoss Logging: to SLF4J, which is quiet, as in the tests.
        List<String> arguments = new ArrayList<>(List.of("-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"));
        for (String property : List.of("db", "db.url", "db.user", "db.password")) {
            String value = System.getProperty(property);
            if (value != null) {
                arguments.add("-D" + property + "=" + value);
            }
        }
        return arguments.toArray(String[]::new);
    }
}
