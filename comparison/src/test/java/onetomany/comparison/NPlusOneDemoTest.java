package onetomany.comparison;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The instructor's live N+1 demonstration: what the slide shows is what the command prints. */
class NPlusOneDemoTest {

    @Test
    void every_library_shows_n_plus_one_statements_for_the_naive_load_and_one_for_the_joined() {
        for (Library library : Library.ALL) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            boolean asExpected;
            try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                asExpected = NPlusOneDemo.show(library, 3, out);
            }
            List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();

            assertThat(asExpected).as(library.name()).isTrue();
            assertThat(lines.get(0)).isEqualTo(library.name() + ", NAIVE, 3 users with 2 posts each: 4 statements");
            // the users, then the same select of posts once per user: the N+1 problem
            assertThat(lines.get(1)).containsIgnoringCase("from users");
            assertThat(lines.subList(2, 5)).allSatisfy(line -> assertThat(line.substring(6))
                    .isEqualTo(lines.get(2).substring(6)).containsIgnoringCase("from posts"));
            assertThat(lines.get(5)).isEqualTo(library.name() + ", JOINED, 3 users with 2 posts each: 1 statement");
            assertThat(lines.get(6)).containsIgnoringCase("join posts");
        }
    }
}
