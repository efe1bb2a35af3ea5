package onetomany.exercises.board;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the board the tests wrote, from the Maven process itself (exec:java in the {@code board} profile), so
 * that a plain {@code mvnw} command line shows it with no script: the tests' own output is captured by surefire.
 * Then, as {@code ./exercise} does, a red board (a ✘) ends Maven with exit status 1, so that a script or an IDE's
 * run configuration tells red from green; no board at all (no exercise test ran) ends it with 2. A green board
 * leaves Maven to go on and exit 0.
 */
public final class PrintBoard {

    private PrintBoard() {
    }

    public static void main(String[] args) throws IOException {
        Path board = Path.of(args[0]);
        // The board's language, -Dexercises.lang (empty: the locale), for the one line this class says itself.
        String lang = args.length > 1 && args[1] != null ? args[1].strip() : "";
        boolean russian = lang.isEmpty() ? onetomany.exercises.Checks.russian()
                : lang.toLowerCase(java.util.Locale.ROOT).startsWith("ru");
        if (!Files.isRegularFile(board)) {
            System.out.println(russian
                    ? "Доски нет: ни один тест упражнений не запустился (-Dtest должен называть класс вроде JpaEx3Test)"
                    : "No board: no exercise test ran (is -Dtest a test class such as JpaEx3Test?)");
            System.out.flush();
            System.exit(2);
        }
        // The console's own charset (stdout.encoding on Java 19+, else the platform's), so that a Windows console
        // shows the Cyrillic of the Russian board; a console that is not UTF-8 may show ✔ and ✘ as '?'
        // ("chcp 65001" makes it UTF-8).
        String encoding = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        Charset charset = encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        PrintStream out = new PrintStream(System.out, true, charset);
        out.println();
        String text = Files.readString(board, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
        if (red(text)) {
            // exec:java runs in Maven's own JVM: this is Maven's exit status, with no error report after the board.
            System.exit(1);
        }
    }

    /** Whether the board has a cell that fails. */
    static boolean red(String board) {
        return board.contains("✘");
    }
}
