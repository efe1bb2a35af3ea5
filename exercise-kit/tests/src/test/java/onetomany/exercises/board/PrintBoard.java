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
 * The exit status stays Maven's; the board says what failed.
 */
public final class PrintBoard {

    private PrintBoard() {
    }

    public static void main(String[] args) throws IOException {
        Path board = Path.of(args[0]);
        if (!Files.isRegularFile(board)) {
            System.out.println("No board: no exercise test ran (is -Dtest a test class such as JpaEx3Test?)");
            return;
        }
        // The console's own charset (stdout.encoding on Java 19+, else the platform's), so that a Windows console
        // shows the Cyrillic of the Russian board; a console that is not UTF-8 may show ✔ and ✘ as '?'
        // ("chcp 65001" makes it UTF-8).
        String encoding = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        Charset charset = encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        PrintStream out = new PrintStream(System.out, true, charset);
        out.println();
        out.print(Files.readString(board, StandardCharsets.UTF_8));
        out.flush();
    }
}
