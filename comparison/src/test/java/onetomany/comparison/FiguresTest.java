package onetomany.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The figures the pages quote are their measurements: each {@code <!--fig:...-->} value and generated block is what
 * {@link Figures} computes now, no page quotes a ratio outside a marker, and no committed benchmark run is older than
 * the code it measures. Surefire runs in {@code comparison/}: the repository is its parent.
 */
class FiguresTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Figures FIGURES = new Figures(ROOT);
    /** A measured ratio as the pages write one; {@code 1.00×} alone is a definition (the floor, the fastest). */
    private static final Pattern RATIO = Pattern.compile(
            "(?<![\\d.,])\\d+(?:[.,]\\d+)?×|\\b\\d+(?:\\.\\d+)?\\s+times\\b|\\d+,\\d+\\s+(раза|времени)");
    private static final Pattern FENCE = Pattern.compile("(?s)```.*?```");

    static Stream<String> pages() {
        return Figures.pages(ROOT).stream();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void every_figure_and_generated_block_of_the_page_is_its_measurement(String page) throws IOException {
        String text = Files.readString(ROOT.resolve(page));

        String filled = FIGURES.fill(text, page);

        assertThat(text).as("%s against its measurements: run%n  ./mvnw -q -pl comparison -am compile exec:java"
                + " -Dexec.mainClass=onetomany.comparison.Figures -Dexec.args=--write", page).isEqualTo(filled);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void the_page_quotes_no_measured_ratio_outside_a_figure(String page) throws IOException {
        String text = Files.readString(ROOT.resolve(page));
        String outside = FENCE.matcher(Figures.FIGURE.matcher(Figures.BLOCK.matcher(text).replaceAll(""))
                .replaceAll("")).replaceAll("");
        java.util.Set<String> stray = new java.util.LinkedHashSet<>();
        Matcher ratio = RATIO.matcher(outside);
        while (ratio.find()) {
            if (!ratio.group().equals("1.00×") && !ratio.group().equals("1,00×")) {
                int start = outside.lastIndexOf('\n', ratio.start()) + 1;
                int end = outside.indexOf('\n', ratio.end());
                stray.add(outside.substring(start, end < 0 ? outside.length() : end).strip());
            }
        }
        assertThat(stray).as("ratios in %s that no measurement backs: put each in a <!--fig:NAME--> marker", page)
                .isEmpty();
    }

    @Test
    void every_committed_run_measures_every_library_of_the_registry() {
        assertThat(FIGURES.runs()).as("committed runs in %s", Figures.REFERENCE).isNotEmpty();
        for (Figures.Run run : FIGURES.runs()) {
            assertThat(run.results()).as("results of %s", run.name()).isNotEmpty();
            for (Library library : Library.ALL) {
                assertThat(run.results()).as("%s measures %s", run.name(), library.name())
                        .anyMatch(r -> r.library().equals(library.key())
                                || r.library().startsWith(library.key() + "-"));
            }
            assertThat(run.properties().getProperty("date")).as("%s's date", run.name()).isNotBlank();
            assertThat(run.commit()).as("%s's commit", run.name()).matches("[0-9a-f]{40}");
        }
    }

    /**
     * A run is older than the code it measures when that code differs, comment lines aside, between the run's commit
     * and the checked-out one: rerun it with {@code scripts/benchmarks.sh <profile> --keep <name>}. Needs the
     * repository's history (a clone has it; a copy without {@code .git} is not checked).
     */
    @Test
    void no_committed_run_is_older_than_the_code_it_measures() throws Exception {
        assumeThat(Files.exists(ROOT.resolve(".git"))).as("a git clone, with its history").isTrue();
        List<String> measured = new ArrayList<>(Figures.MEASURED);
        Library.ALL.forEach(library -> measured.add(library.module() + "/src/main"));
        for (Figures.Run run : FIGURES.runs()) {
            assertThat(git("git", "cat-file", "-t", run.commit())).as("%s's commit %s in this history", run.name(),
                    run.commit()).isEqualTo("commit");
            // -I: a change whose every line is a comment (Java's //, /* and * lines, XML's <!--) is not one.
            List<String> diff = new ArrayList<>(List.of("git", "diff", "--stat", "-I", "^\\s*(//|/\\*|\\*|<!--)",
                    run.commit(), "HEAD", "--"));
            diff.addAll(measured);
            assertThat(git(diff.toArray(String[]::new)))
                    .as("%s (%s, commit %s) is older than the code it measures, changed since: rerun it with"
                                    + " scripts/benchmarks.sh %s --keep %s, then write the figures", run.name(),
                            run.properties().getProperty("date"), run.commit(),
                            run.properties().getProperty("profile"), run.name())
                    .isEmpty();
        }
    }

    @Test
    void lines_of_code_leave_out_blank_lines_and_comments_of_java_and_xml() {
        String java = """
                package a;

                // a comment
                /** Javadoc
                 * more */
                class A { /* inline */
                    int x; // trailing
                    /* one */ int y;
                }
                """;
        assertThat(Figures.codeLines(java, false)).isEqualTo(5);
        String xml = """
                <mapper>
                  <!-- a comment
                       over two lines -->
                  <select id="x">select 1</select> <!-- trailing -->

                </mapper>
                """;
        assertThat(Figures.codeLines(xml, true)).isEqualTo(3);
    }

    @Test
    void a_russian_page_writes_thousands_apart_and_decimals_after_a_comma() {
        assertThat(Figures.russianNumbers("1,872 µs · 3.66× · 10,000 × 10 · 1,234,567")).isEqualTo(
                "1 872 мкс · 3,66× · 10 000 × 10 · 1 234 567");
    }

    @Test
    void a_figure_nothing_measures_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FIGURES.fill("<!--fig:no.such-->1<!--/fig-->", "x"))
                .hasMessageContaining("no.such");
    }

    private static String git(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 ? out : "";
    }
}
