package onetomany.exercises.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When each cell (a library and an exercise) was first run and first went green, on the participant's machine:
 * the board records it in {@code .exercise-times.tsv} at the repository's root (outside {@code target/}, so that
 * {@code ./mvnw clean} keeps it; git ignores it), one line per cell: library key, exercise, first run, first green
 * (ISO-8601 instants, UTC; empty while not green). Only runs on {@code exercises/} are recorded, never on
 * {@code solutions/}. {@code ./exercise --times} (and {@code exercise.cmd --times}) prints them, with the minutes
 * between, which is what an instructor collects after a session.
 *
 * <p>Also a single-file program (the JDK runs it from source, nothing else on the class path):
 * {@code java exercise-kit/tests/src/test/java/onetomany/exercises/board/Times.java [--lang en|ru] [file]}.
 */
public final class Times {

    /** The file, relative to the repository's root. */
    static final String FILE = ".exercise-times.tsv";

    /** One cell's times; {@code firstGreen} null while it has not passed. */
    record Entry(String library, int exercise, Instant firstRun, Instant firstGreen) {

        /** Whole minutes from the first run to the first green; -1 while not green. */
        long minutes() {
            return firstGreen == null ? -1 : Duration.between(firstRun, firstGreen).toMinutes();
        }
    }

    private Times() {
    }

    /** The entries of the file, in its order; none if there is no file. Lines that do not parse are left out. */
    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] cols = line.split("\t", -1);
                if (line.startsWith("#") || cols.length < 4) {
                    continue;
                }
                try {
                    entries.add(new Entry(cols[0], Integer.parseInt(cols[1]), Instant.parse(cols[2]),
                            cols[3].isBlank() ? null : Instant.parse(cols[3])));
                } catch (RuntimeException e) {
                    // a line edited by hand: skipped
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * The entries after a run at {@code now}: each cell run ({@code "<library key>\t<exercise>"} &rarr; green) gets its
     * first run if it had none, and its first green if it passed and had none. What was recorded never changes.
     */
    static List<Entry> record(List<Entry> entries, Map<String, Boolean> run, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.SECONDS);
        List<Entry> updated = new ArrayList<>(entries);
        run.forEach((cell, green) -> {
            String[] parts = cell.split("\t");
            int exercise = Integer.parseInt(parts[1]);
            int index = -1;
            for (int i = 0; i < updated.size(); i++) {
                if (updated.get(i).library().equals(parts[0]) && updated.get(i).exercise() == exercise) {
                    index = i;
                }
            }
            if (index < 0) {
                updated.add(new Entry(parts[0], exercise, now, green ? now : null));
            } else if (green && updated.get(index).firstGreen() == null) {
                Entry old = updated.get(index);
                updated.set(index, new Entry(old.library(), exercise, old.firstRun(), now));
            }
        });
        updated.sort(Comparator.comparing(Entry::library).thenComparing(Entry::exercise));
        return updated;
    }

    static void write(Path file, List<Entry> entries) {
        StringBuilder out = new StringBuilder("# library\texercise\tfirst run\tfirst green (UTC)\n");
        for (Entry e : entries) {
            out.append(e.library()).append('\t').append(e.exercise()).append('\t').append(e.firstRun()).append('\t')
                    .append(e.firstGreen() == null ? "" : e.firstGreen()).append('\n');
        }
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table that {@code ./exercise --times} prints, in local time of {@code zone}. */
    static String print(List<Entry> entries, boolean russian, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        StringBuilder out = new StringBuilder();
        if (entries.isEmpty()) {
            return (russian ? "Времени пока нет: ни одно упражнение не запускалось на коде из exercises/ (" + FILE
                    + ")." : "No times yet: no exercise has been run on exercises/ (" + FILE + ").") + "\n";
        }
        out.append(russian ? "Время по упражнениям, с этой машины (" + FILE + ", местное время):"
                : "Times per exercise, on this machine (" + FILE + ", local time):").append("\n\n");
        out.append(String.format("%-10s %-11s %-18s %-18s %s%n", russian ? "библиотека" : "library",
                russian ? "упражнение" : "exercise", russian ? "первый запуск" : "first run",
                russian ? "первый ✔" : "first ✔", russian ? "минут" : "minutes"));
        for (Entry e : entries) {
            out.append(String.format("%-10s %-11d %-18s %-18s %s%n", e.library(), e.exercise(),
                    time.format(e.firstRun()), e.firstGreen() == null ? "—" : time.format(e.firstGreen()),
                    e.firstGreen() == null ? "—" : String.valueOf(e.minutes())));
        }
        return out.toString();
    }

    /** {@code [--lang en|ru] [file]}: prints the table; the file is {@value #FILE} in the current directory. */
    public static void main(String[] args) {
        boolean russian = false;
        Path file = Path.of(FILE);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                russian = args[++i].toLowerCase(Locale.ROOT).startsWith("ru");
            } else {
                file = Path.of(args[i]);
            }
        }
        System.out.print(print(read(file), russian, ZoneId.systemDefault()));
    }
}
