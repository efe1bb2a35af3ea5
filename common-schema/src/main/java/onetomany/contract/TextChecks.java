package onetomany.contract;

/**
 * The checks every implementation makes on the text of a write before it sends any statement, so that the same
 * input gets the same answer on H2, PostgreSQL and MariaDB.
 *
 * <p>Two things the three databases do not agree on, left to them:
 * <ul>
 * <li><b>Length.</b> PostgreSQL's {@code varchar(n)} and MariaDB's (in {@code utf8mb4}) count characters, that is
 *     Unicode code points; H2 counts UTF-16 units, so an emoji (one code point, two units) counts twice there, and
 *     150 emoji in a 200-character title would be refused by H2 alone. A limit of {@link Limits} counts code points
 *     ({@link String#codePointCount}, PostgreSQL's {@code char_length}). A combining sequence counts each of its
 *     code points: "é" written as {@code e} + U+0301 is two, as PostgreSQL and MariaDB count it; nothing is
 *     normalised. On H2 the columns are twice as wide, in UTF-16 units ({@code V5__h2_lengths_in_characters.sql}),
 *     so that the longest value allowed here always fits.</li>
 * <li><b>The NUL character</b> (U+0000). PostgreSQL cannot store it in text at all (SQLState 22021); H2 and MariaDB
 *     store it. It is refused everywhere, as {@link RepositoryException.Reason#INVALID_CHARACTER}, and so is a lone
 *     surrogate (half of a UTF-16 pair, not a character), which no database stores as it was given.</li>
 * </ul>
 * A null value is not checked here: each library finds it in its own way ({@code MISSING_VALUE}), which is what the
 * workshop compares. A refused value is never repeated in the message: it names the field and the position only.
 */
public final class TextChecks {

    private TextChecks() {
    }

    /** Checks the name and every post of a user to create. */
    public static void check(NewUser user) {
        if (user == null) {
            return;
        }
        name(user.name());
        for (NewPost post : user.posts()) {
            check(post);
        }
    }

    /** Checks a post to add. */
    public static void check(NewPost post) {
        if (post != null) {
            post(post.title(), post.content());
        }
    }

    /** Checks the name and every post of a draft to save. */
    public static void check(UserDraft draft) {
        if (draft == null) {
            return;
        }
        name(draft.name());
        for (UserDraft.PostDraft post : draft.posts()) {
            if (post != null) {
                post(post.title(), post.content());
            }
        }
    }

    /** Checks a user's name ({@code users.name}). */
    public static void name(String name) {
        text(name, "users.name", Limits.USER_NAME_LENGTH);
    }

    /** Checks a post's title ({@code posts.title}) and content ({@code posts.content}, no limit). */
    public static void post(String title, String content) {
        text(title, "posts.title", Limits.POST_TITLE_LENGTH);
        text(content, "posts.content", Integer.MAX_VALUE);
    }

    /** The number of characters (code points) of a text, as the limits count them. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static void text(String value, String field, int limit) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw RepositoryException.invalidCharacter(field, "the NUL character (U+0000) at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw RepositoryException.invalidCharacter(field, "a lone surrogate at index " + i);
            }
        }
        if (value.length() > limit && length(value) > limit) {
            throw RepositoryException.valueTooLong(field, null);
        }
    }
}
