package onetomany.libraries;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's file, as the scripts and the catch-up also read it. */
class LibraryTest {

    @Test
    void every_line_names_a_library_whose_exercises_live_in_the_package_of_its_key() {
        assertThat(Library.WORKSHOP).isNotEmpty().allSatisfy(library -> {
            assertThat(library.exercisesClass()).startsWith("onetomany.exercises." + library.key() + ".");
            assertThat(Library.of(library.key())).isSameAs(library);
        });
        assertThat(Library.ALL).allSatisfy(library -> assertThat(Library.of(library.key())).isSameAs(library));
    }

    @Test
    void a_dash_for_exercises_is_a_library_the_workshop_does_not_teach_compared_but_left_out_of_the_workshop() {
        List<Library> parsed = Library.parse(List.of(
                "x | X lib | X | module-x | a.B | c.D | onetomany.exercises.x.E",
                "y | Y lib | Y | module-y | a.F | c.G | -"));
        assertThat(parsed).extracting(Library::key).containsExactly("x", "y");
        assertThat(parsed).extracting(Library::teaches).containsExactly(true, false);
        assertThat(parsed.get(1).exercisesClass()).isEqualTo(Library.NO_EXERCISES);
        assertThatThrownBy(() -> parsed.get(1).exercises(null, Object.class)).hasMessageContaining("does not teach");
    }

    @Test
    void the_workshop_is_the_registry_without_the_libraries_it_does_not_teach_in_the_same_order() {
        assertThat(Library.WORKSHOP).isEqualTo(Library.ALL.stream().filter(Library::teaches).toList());
        assertThat(Library.WORKSHOP).extracting(Library::key).containsExactly("jpa", "mybatis", "jdbi");
    }

    @Test
    void comments_and_blank_lines_are_not_libraries_and_spaces_around_the_bars_do_not_count() {
        assertThat(Library.parse(List.of("# a comment", "",
                " x | X lib | X | module-x | a.B | c.D | onetomany.exercises.x.E ")))
                .containsExactly(new Library("x", "X lib", "X", "module-x", "a.B", "c.D", "onetomany.exercises.x.E"));
    }

    @Test
    void a_line_without_its_seven_columns_or_a_key_twice_is_refused() {
        assertThatThrownBy(() -> Library.parse(List.of("x | X | X | module-x | a.B | c.D")))
                .hasMessageContaining("7 columns");
        assertThatThrownBy(() -> Library.parse(List.of("x | X | X | m | a.B | c.D | e.F",
                "x | Y | Y | m | a.B | c.D | e.F")))
                .hasMessageContaining("once");
    }

    @Test
    void a_library_whose_module_is_not_on_the_classpath_says_which_module_is_missing() {
        Library absent = new Library("x", "X", "X", "module-x", "onetomany.x.Absent", "onetomany.x.Absent", "e.F");
        assertThatThrownBy(() -> absent.repository(null)).hasMessageContaining("module-x");
        assertThat(absent.version()).isEqualTo("unknown");
    }
}
