package onetomany.contract;

import onetomany.contract.RepositoryException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checks every library makes on a write's text, before any statement, whatever the database. */
class TextChecksTest {

    @Test
    void a_limit_counts_code_points_not_utf16_units() {
        String emoji = "🎉".repeat(Limits.USER_NAME_LENGTH);
        assertThat(emoji.length()).isEqualTo(2 * Limits.USER_NAME_LENGTH);
        assertThatCode(() -> TextChecks.name(emoji)).doesNotThrowAnyException();
        assertThatCode(() -> TextChecks.post("🎉".repeat(Limits.POST_TITLE_LENGTH), null)).doesNotThrowAnyException();

        RepositoryException tooLong = catchThrowableOfType(RepositoryException.class,
                () -> TextChecks.name(emoji + "x"));
        assertThat(tooLong.reason()).isEqualTo(Reason.VALUE_TOO_LONG);
        assertThat(tooLong.field()).contains("users.name");
    }

    @Test
    void a_combining_sequence_counts_each_of_its_code_points_and_nothing_is_normalised() {
        String decomposed = "e\u0301".repeat(Limits.USER_NAME_LENGTH / 2);
        assertThat(TextChecks.length(decomposed)).isEqualTo(Limits.USER_NAME_LENGTH);
        assertThatCode(() -> TextChecks.name(decomposed)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(RepositoryException.class, () -> TextChecks.name(decomposed + "\u0301"))
                .reason()).isEqualTo(Reason.VALUE_TOO_LONG);
        assertThat(TextChecks.length("\u00e9")).isEqualTo(1);
    }

    @Test
    void a_nul_or_a_lone_surrogate_is_refused_in_every_text_naming_the_column_and_never_the_text() {
        String secret = "Secret-Marker";
        RepositoryException nul = catchThrowableOfType(RepositoryException.class,
                () -> TextChecks.post("Fine", secret + "\0"));
        assertThat(nul.reason()).isEqualTo(Reason.INVALID_CHARACTER);
        assertThat(nul.field()).contains("posts.content");
        assertThat(nul.getMessage()).contains("posts.content", "U+0000", "index " + secret.length())
                .doesNotContain(secret);

        assertThat(catchThrowableOfType(RepositoryException.class, () -> TextChecks.post("\uD83C", null)).field())
                .contains("posts.title");
        assertThat(catchThrowableOfType(RepositoryException.class, () -> TextChecks.name("a\uDF89")).reason())
                .isEqualTo(Reason.INVALID_CHARACTER);
        // Over the limit and with a NUL: the character is the reason, whatever the length.
        assertThat(catchThrowableOfType(RepositoryException.class,
                () -> TextChecks.name("\0" + "n".repeat(Limits.USER_NAME_LENGTH))).reason())
                .isEqualTo(Reason.INVALID_CHARACTER);
    }

    @Test
    void null_values_are_left_to_the_libraries_and_a_draft_or_new_user_is_checked_whole() {
        assertThatCode(() -> TextChecks.name(null)).doesNotThrowAnyException();
        assertThatCode(() -> TextChecks.post(null, null)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(RepositoryException.class, () -> TextChecks.check(
                new NewUser("Alice", new NewPost("Fine", null), new NewPost("Fine", "\0")))).field())
                .contains("posts.content");
        assertThat(catchThrowableOfType(RepositoryException.class, () -> TextChecks.check(new UserDraft(1, 0,
                "Alice", java.util.List.of(UserDraft.PostDraft.added("t".repeat(201), null))))).field())
                .contains("posts.title");
        assertThat(catchThrowableOfType(RepositoryException.class, () -> TextChecks.check(new NewPost("\0", null)))
                .field()).contains("posts.title");
    }
}
