package onetomany.comparison;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import onetomany.db.DatabaseKind;
import onetomany.db.DatabaseUnavailableException;

/**
 * The README's first command: runs the seed script and every operation through the three libraries, prints a
 * progress line per step, then the report, and writes it as {@code comparison.md} and {@code comparison.html}.
 * On H2 by default; {@code -Ddb=postgres} or {@code -Ddb=mariadb} for one server, {@code -Ddb=all} for the three
 * databases one after the other, in one report (a server that does not answer is one line, and a part of the
 * page that says so; the others still run).
 *
 * <p>The files go to the directory named by the system property {@code comparison.output}, which
 * {@code comparison/pom.xml} sets to {@code comparison/target/comparison}. Exits with status 1 when any statement
 * count differs from the contract, after writing the report that shows where.
 *
 * <p>In English or Russian ({@link Texts#chosen()}): {@code -Dlang=ru} (or {@code -Dexercises.lang=ru}, the progress
 * board's), or without either a Russian locale ({@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG} starting with
 * {@code ru}), as {@code ./exercise} chooses the board's language.
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
        Texts texts = Texts.chosen();
        PrintStream out = printable(System.out, FileDescriptor.out, texts);
        PrintStream err = printable(System.err, FileDescriptor.err, texts);
        List<DatabaseKind> kinds = databases(System.getProperty("db", System.getenv("DB")));
        out.println(kinds.size() == 1 ? texts.format("main.start", texts.libraries()) : texts.format("main.startOn",
                texts.libraries(), String.join(", ", kinds.stream().map(DatabaseKind::displayName).toList())));

        List<Report.Run> runs = new ArrayList<>();
        for (DatabaseKind kind : kinds) {
            if (kinds.size() > 1) {
                out.printf("%n-- %s%n", kind.displayName());
            }
            try {
                runs.add(Report.Run.of(ComparisonRunner.run(ComparisonRunner.Settings.DEFAULT, kind, out, texts)));
            } catch (DatabaseUnavailableException e) {
                if (kinds.size() == 1) {
                    throw e;
                }
                // One clear line; the other databases still run and the page says which one did not.
                out.println(texts.format("main.notRun", kind.displayName(), e.getMessage()));
                runs.add(Report.Run.unavailable(kind, e.getMessage()));
            } catch (RuntimeException e) {
                if (kinds.size() == 1) {
                    throw e;
                }
                // The server went away in the middle (or anything else broke): a failure of the run, in one line,
                // and the other databases still run.
                String why = texts.format("main.runFailed", e);
                out.println(kind.displayName() + ": " + why);
                runs.add(Report.Run.broken(kind, why));
            }
        }
        Report report = new Report(runs);
        TerminalReport.print(report, out, texts);
        List<Path> files = write(report, Path.of(System.getProperty(OUTPUT_PROPERTY, DEFAULT_OUTPUT)), texts);

        out.print(texts.format("main.wrote", files.get(0), files.get(1), (System.nanoTime() - start) / 1e9));
        runs.stream().filter(run -> run.result().isEmpty()).forEach(run -> out.println(texts.format(
                run.broken() ? "main.itsRunFailed" : "main.wasNotRun", run.kind().displayName())));
        List<String> failures = report.failures(texts);
        if (!failures.isEmpty()) {
            err.println();
            err.println(texts.text("main.failed"));
            failures.forEach(failure -> err.println("  " + failure));
            System.exit(1);
        }
    }

    /**
     * {@code stream}, or a UTF-8 stream on the same file descriptor when the JVM's charset cannot write the
     * report's language: the JVM takes its charset from the locale, and falls back to ASCII when the locale the
     * environment names is not installed ({@code LANG=ru_RU.UTF-8} on a system that has only {@code C.UTF-8}),
     * where every Cyrillic letter would print as {@code ?}.
     */
    static PrintStream printable(PrintStream stream, FileDescriptor descriptor, Texts texts) {
        Charset charset;
        try {
            charset = Charset.forName(System.getProperty(descriptor == FileDescriptor.err ? "sun.stderr.encoding"
                    : "sun.stdout.encoding", System.getProperty("file.encoding", "UTF-8")));
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        return charset.newEncoder().canEncode(texts.text("heading.environment")) ? stream
                : new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }

    /** The databases {@code -Ddb} asks for: one ({@code h2}, the default; {@code postgres}; {@code mariadb}) or all. */
    static List<DatabaseKind> databases(String db) {
        if (db != null && db.strip().equalsIgnoreCase("all")) {
            return List.of(DatabaseKind.values());
        }
        return List.of(DatabaseKind.fromSwitch(db));
    }

    /**
     * Writes {@code comparison.md} and {@code comparison.html} into {@code directory}, in English; returns their
     * paths.
     */
    static List<Path> write(Report report, Path directory) throws IOException {
        return write(report, directory, Texts.ENGLISH);
    }

    /** Writes {@code comparison.md} and {@code comparison.html} into {@code directory}; returns their paths. */
    static List<Path> write(Report report, Path directory, Texts texts) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve("comparison.md").toAbsolutePath().normalize();
        Path html = directory.resolve("comparison.html").toAbsolutePath().normalize();
        Files.writeString(markdown, MarkdownReport.render(report, texts), StandardCharsets.UTF_8);
        Files.writeString(html, HtmlReport.render(report, texts), StandardCharsets.UTF_8);
        return List.of(markdown, html);
    }
}
