package onetomany.comparison;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The README's first command: runs the seed script and every operation through the three libraries, prints a
 * progress line per step, then the report, and writes it as {@code comparison.md} and {@code comparison.html}.
 *
 * <p>The files go to the directory named by the system property {@code comparison.output}, which
 * {@code comparison/pom.xml} sets to {@code comparison/target/comparison}. Exits with status 1 when any statement
 * count differs from the contract, after writing the report that shows where.
 */
public final class Comparison {

    /** The output directory's system property, and its default (relative to the working directory). */
    static final String OUTPUT_PROPERTY = "comparison.output";
    static final String DEFAULT_OUTPUT = "target/comparison";

    private Comparison() {
    }

    public static void main(String[] args) throws IOException {
        // Hibernate logs through JBoss Logging: send it to the build's one SLF4J provider.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        long start = System.nanoTime();
        PrintStream out = System.out;
        out.println("Comparing Hibernate ORM, MyBatis and Jdbi: the seed script, every operation, the N+1 series.");

        ComparisonResult result = ComparisonRunner.run(ComparisonRunner.Settings.DEFAULT, out);
        TerminalReport.print(result, out);
        List<Path> files = write(result, Path.of(System.getProperty(OUTPUT_PROPERTY, DEFAULT_OUTPUT)));

        out.printf(Locale.ROOT, "%nWrote %s%n  and %s%nin %.1f s.%n", files.get(0), files.get(1),
                (System.nanoTime() - start) / 1e9);
        List<String> failures = result.failures();
        if (!failures.isEmpty()) {
            System.err.println("\nFAILED: this run does not match the contract:");
            failures.forEach(failure -> System.err.println("  " + failure));
            System.exit(1);
        }
    }

    /** Writes {@code comparison.md} and {@code comparison.html} into {@code directory}; returns their paths. */
    static List<Path> write(ComparisonResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve("comparison.md").toAbsolutePath().normalize();
        Path html = directory.resolve("comparison.html").toAbsolutePath().normalize();
        Files.writeString(markdown, MarkdownReport.render(result), StandardCharsets.UTF_8);
        Files.writeString(html, HtmlReport.render(result), StandardCharsets.UTF_8);
        return List.of(markdown, html);
    }
}
