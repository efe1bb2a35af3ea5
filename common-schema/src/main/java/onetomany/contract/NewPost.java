package onetomany.contract;

/**
 * A post to create.
 *
 * @param title   at most {@value Limits#POST_TITLE_LENGTH} characters, not null
 * @param content any length, nullable
 */
public record NewPost(String title, String content) {
}
