package onetomany.exercises.board;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import onetomany.exercises.contract.Exercise;
import onetomany.libraries.Library;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instructor's kit ({@code docs/instructor.md}, {@code docs/ru/instructor.md}) holds together, in each language:
 * its agendas cite slides by headings that exist in the deck beside it, the code primer before exercise 1 and the
 * cascade slide before exercise 4; each agenda's rows follow one another and end at the length its title states;
 * each exercise's slot is at least the slowest library's minutes in the kit's table; each catch-up cut-off falls
 * inside its exercise's slot; every slide has speaker notes; every debrief question has its answer; every exercise
 * has a wrong turn in every library. {@code TranslationsTest} keeps the two languages in step; this test keeps each
 * one true to itself. Surefire runs in {@code exercise-kit/tests/}: the repository is two levels up.
 */
class KitTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private static final Pattern SLIDE_LINK = Pattern.compile("\\[[^\\]]*]\\((slides\\.md)#([^)]+)\\)");
    private static final Pattern SLOT = Pattern.compile("^\\| (\\d+):(\\d\\d) – (\\d+):(\\d\\d) \\| (.*) \\|$");
    /** An agenda's length in its title: "**3 hours**", or in brackets, "(4 hours", "(7 h 10 min", "(7 ч 10 мин". */
    private static final Pattern LENGTH = Pattern.compile("^\\*\\*(\\d+) (?:hours|часа)\\*\\*"
            + "|\\((\\d+) (?:hours|h|часа|ч)(?=[ ):;,])(?: (\\d+) (?:min|мин)(?=[ ):;,]))?");
    private static final Pattern CUT_OFF = Pattern.compile("(\\d+):(\\d\\d) → (\\d+)");

    /** One language of the kit: its page, its slides, and the words its tables use. */
    record Kit(String language, Path page, Path slides, String exercise, String answer) {

        @Override
        public String toString() {
            return language;
        }
    }

    static Stream<Arguments> kits() {
        return Stream.of(
                Arguments.of(new Kit("en", ROOT.resolve("docs/instructor.md"), ROOT.resolve("docs/slides.md"),
                        "Exercise", "**Answer.**")),
                Arguments.of(new Kit("ru", ROOT.resolve("docs/ru/instructor.md"), ROOT.resolve("docs/ru/slides.md"),
                        "Упражнение", "**Ответ.**")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kits")
    void the_agendas_cite_slides_by_headings_that_exist_the_primer_before_exercise_1_the_cascade_before_4(Kit kit) {
        Map<String, String> slides = slideHeadings(kit.slides());
        String cascade = slides.entrySet().stream().filter(e -> e.getValue().contains("cascade="))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<List<String>> agendas = agendas(kit);
        assertThat(agendas).as("%s: the agendas", rel(kit.page())).hasSizeGreaterThanOrEqualTo(3);
        for (List<String> agenda : agendas) {
            List<String> cited = new ArrayList<>();
            boolean exercise1 = false;
            for (String row : agenda) {
                String what = what(row);
                if (startsExercise(kit, what, 1) && !exercise1) {
                    exercise1 = true;
                    for (String library : List.of("Hibernate ORM", "MyBatis", "Jdbi")) {
                        assertThat(cited).as("%s: the code primer of %s cited before exercise 1, in %s",
                                rel(kit.page()), library, agenda.get(0))
                                .anyMatch(slug -> slides.get(slug).contains(library));
                    }
                }
                if (startsExercise(kit, what, 4)) {
                    assertThat(cited).as("%s: the cascade slide cited before exercise 4", rel(kit.page()))
                            .contains(cascade);
                }
                Matcher link = SLIDE_LINK.matcher(row);
                while (link.find()) {
                    assertThat(slides).as("%s cites the slide #%s of %s, which has no such heading",
                            rel(kit.page()), link.group(2), rel(kit.slides())).containsKey(link.group(2));
                    cited.add(link.group(2));
                }
            }
            assertThat(cited).as("%s: an agenda that cites no slide: %s", rel(kit.page()), agenda.get(0))
                    .isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kits")
    void every_agenda_adds_up_gives_each_exercise_its_minutes_and_each_cut_off_falls_in_its_exercise(Kit kit) {
        Map<Integer, Integer> minutes = slowestMinutes(kit);
        assertThat(minutes.keySet()).as("%s: the minutes of every exercise", rel(kit.page()))
                .containsExactlyInAnyOrderElementsOf(Stream.of(Exercise.values()).map(Exercise::number).toList());
        List<String> lines = read(kit.page());
        List<List<String>> agendas = agendas(kit);
        List<String> cutOffs = section(lines, "catch-up").stream()
                .filter(line -> line.startsWith("| ") && CUT_OFF.matcher(line).find()).toList();
        assertThat(cutOffs).as("%s: a row of cut-offs per agenda", rel(kit.page())).hasSameSizeAs(agendas);
        for (int a = 0; a < agendas.size(); a++) {
            List<String> agenda = agendas.get(a);
            String title = agenda.get(0);
            Matcher length = LENGTH.matcher(title);
            assertThat(length.find()).as("%s: the agenda's length in its title: %s", rel(kit.page()), title)
                    .isTrue();
            int total = length.group(1) != null ? Integer.parseInt(length.group(1)) * 60
                    : Integer.parseInt(length.group(2)) * 60
                            + (length.group(3) == null ? 0 : Integer.parseInt(length.group(3)));
            Map<Integer, int[]> slots = new HashMap<>();
            int end = 0;
            for (String row : agenda.subList(1, agenda.size())) {
                Matcher slot = SLOT.matcher(row);
                assertThat(slot.matches()).as("%s: a row of %s: %s", rel(kit.page()), title, row).isTrue();
                int from = Integer.parseInt(slot.group(1)) * 60 + Integer.parseInt(slot.group(2));
                int to = Integer.parseInt(slot.group(3)) * 60 + Integer.parseInt(slot.group(4));
                assertThat(from).as("%s: %s starts where the row before ended", rel(kit.page()), row).isEqualTo(end);
                assertThat(to).as("%s: %s", rel(kit.page()), row).isGreaterThan(from);
                end = to;
                for (Exercise exercise : Exercise.values()) {
                    if (startsExercise(kit, slot.group(5), exercise.number())) {
                        assertThat(to - from).as("%s, %s: the slot of exercise %d against the slowest library's"
                                        + " minutes", rel(kit.page()), title, exercise.number())
                                .isGreaterThanOrEqualTo(minutes.get(exercise.number()));
                        slots.put(exercise.number(), new int[] {from, to});
                    }
                }
            }
            assertThat(end).as("%s: where %s ends", rel(kit.page()), title).isEqualTo(total);
            Matcher cutOff = CUT_OFF.matcher(cutOffs.get(a));
            int found = 0;
            while (cutOff.find()) {
                int at = Integer.parseInt(cutOff.group(1)) * 60 + Integer.parseInt(cutOff.group(2));
                int[] slot = slots.get(Integer.parseInt(cutOff.group(3)));
                if (slot != null) {
                    found++;
                    assertThat(at).as("%s, %s: the cut-off %s within its exercise's slot", rel(kit.page()), title,
                            cutOff.group()).isGreaterThan(slot[0]).isLessThanOrEqualTo(slot[1]);
                }
            }
            assertThat(found).as("%s: the cut-offs of %s", rel(kit.page()), title).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kits")
    void every_slide_has_speaker_notes(Kit kit) {
        List<String> lines = read(kit.slides());
        List<List<String>> slides = new ArrayList<>();
        int fences = 0;
        for (String line : lines) {
            if (line.equals("---")) {
                fences++;
                if (fences >= 2) {
                    slides.add(new ArrayList<>());
                }
            } else if (fences >= 2) {
                slides.get(slides.size() - 1).add(line);
            }
        }
        assertThat(slides).as("%s: the slides", rel(kit.slides())).hasSizeGreaterThan(10);
        for (List<String> slide : slides) {
            String heading = slide.stream().filter(line -> line.startsWith("# ")).findFirst().orElse("(none)");
            int open = slide.indexOf("<!--");
            int close = slide.indexOf("-->");
            assertThat(open).as("%s, %s: speaker notes (an HTML comment)", rel(kit.slides()), heading)
                    .isNotNegative();
            assertThat(close).as("%s, %s: the notes' end", rel(kit.slides()), heading).isGreaterThan(open + 1);
            assertThat(slide.subList(open, close)).as("%s, %s: notes that no Markdown reader takes for a heading",
                    rel(kit.slides()), heading).noneMatch(line -> line.startsWith("#"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kits")
    void every_debrief_question_has_its_answer(Kit kit) {
        List<String> debrief = section(read(kit.page()), "debrief");
        List<String> order = new ArrayList<>();
        for (String line : debrief) {
            if (line.matches("\\d+\\. .*")) {
                order.add("question");
            } else if (line.strip().startsWith(kit.answer())) {
                order.add("answer");
            }
        }
        assertThat(order).as("%s: the debrief's questions, each followed by its answer", rel(kit.page()))
                .hasSizeGreaterThanOrEqualTo(18);
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).as("%s: item %d of the debrief", rel(kit.page()), i + 1)
                    .isEqualTo(i % 2 == 0 ? "question" : "answer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kits")
    void every_exercise_has_a_wrong_turn_in_every_library(Kit kit) {
        List<String> rows = section(read(kit.page()), "wrong-turns").stream()
                .filter(line -> line.matches("\\| \\d+, .*")).toList();
        for (Exercise exercise : Exercise.values()) {
            for (Library library : Library.WORKSHOP) {
                assertThat(rows).as("%s: a wrong turn of exercise %d in %s", rel(kit.page()), exercise.number(),
                        library.label()).anyMatch(row -> row.startsWith("| " + exercise.number() + ", "
                        + library.label() + " | ") && row.contains("`"));
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Each agenda: its title line (the bold one above it), then its table's rows below the header. */
    private static List<List<String>> agendas(Kit kit) {
        List<List<String>> agendas = new ArrayList<>();
        String title = null;
        List<String> current = null;
        for (String line : section(read(kit.page()), "agendas")) {
            if (line.startsWith("**")) {
                title = line;
                current = null;
            } else if (line.startsWith("| ") && SLOT.matcher(line).matches()) {
                if (current == null) {
                    current = new ArrayList<>(List.of(title));
                    agendas.add(current);
                }
                current.add(line);
            }
        }
        return agendas;
    }

    /** The minutes table: each exercise's slowest library. */
    private static Map<Integer, Integer> slowestMinutes(Kit kit) {
        Map<Integer, Integer> slowest = new HashMap<>();
        Pattern row = Pattern.compile("^\\| (\\d+) [^|]+\\| [\\d /]+ \\| (\\d+) / (\\d+) / (\\d+) \\| \\S.* \\|$");
        for (String line : section(read(kit.page()), "minutes")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                slowest.put(Integer.parseInt(m.group(1)), Math.max(Integer.parseInt(m.group(2)),
                        Math.max(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
            }
        }
        return slowest;
    }

    private static boolean startsExercise(Kit kit, String what, int number) {
        return what.matches(Pattern.quote(kit.exercise()) + " " + number + "\\b.*");
    }

    private static String what(String row) {
        Matcher slot = SLOT.matcher(row);
        return slot.matches() ? slot.group(5) : row;
    }

    /** The lines from {@code <a id="id">} to the next {@code <a id=...>} of a heading of the same level or above. */
    private static List<String> section(List<String> lines, String id) {
        int start = lines.indexOf("<a id=\"" + id + "\"></a>");
        assertThat(start).as("the section #%s", id).isNotNegative();
        String level = lines.get(start + 1).substring(0, lines.get(start + 1).indexOf(' '));
        int end = start + 2;
        while (end < lines.size() && !(lines.get(end).startsWith("<a id=") && end + 1 < lines.size()
                && lines.get(end + 1).startsWith("#") && lines.get(end + 1).indexOf(' ') <= level.length())) {
            end++;
        }
        return lines.subList(start, end);
    }

    /** The slides' headings ({@code # ...}) by GitHub's id of each, as {@code DocsLinksTest} computes it. */
    private static Map<String, String> slideHeadings(Path slides) {
        Map<String, String> headings = new HashMap<>();
        boolean fenced = false;
        for (String line : read(slides)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("# ")) {
                String text = line.substring(2);
                headings.put(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'),
                        text);
            }
        }
        return headings;
    }

    private static List<String> read(Path file) {
        return TranslationsTest.read(file);
    }

    private static String rel(Path file) {
        return TranslationsTest.rel(file);
    }
}
