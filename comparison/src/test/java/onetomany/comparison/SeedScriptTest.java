package onetomany.comparison;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import onetomany.libraries.Library;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Quick start's first command: the seed script in every library, with each step's statements. */
class SeedScriptTest {

    @Test
    void every_library_saves_alice_with_her_posts_and_reads_their_titles_back_within_its_budget() {
        for (Library library : Library.ALL) {
            SeedScript.Run run = SeedScript.run(library);

            assertThat(run.steps()).hasSize(3);
            SeedScript.Step save = run.steps().get(0);
            SeedScript.Step walk = run.steps().get(1);
            SeedScript.Step readBack = run.steps().get(2);
            assertThat(save.statements()).as(library.name()).hasSize(run.budget().createUserWithPosts(2));
            assertThat(save.statements().get(0).toString()).containsIgnoringCase("insert into users");
            assertThat(walk.statements()).as(library.name() + ": walking the saved graph").isEmpty();
            assertThat(walk.printed()).containsExactly("First Post", "Second Post");
            assertThat(readBack.statements()).as(library.name()).hasSize(1);
            assertThat(readBack.printed()).containsExactly("First Post", "Second Post");
        }
    }

    @Test
    void the_printed_report_names_each_library_its_statements_and_the_titles() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            SeedScript.print(SeedScript.run(Library.ALL.get(1)), out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("== MyBatis (module-mybatis)", "3 statements", "1 statement",
                "> First Post", "> Second Post");
    }
}
