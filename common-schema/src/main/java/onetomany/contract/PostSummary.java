package onetomany.contract;

/**
 * One row of {@link UserPostRepository#findPostSummaries()}: a post with its author's id and name, read into a plain
 * record (a projection) instead of entities. Two summaries of one author share nothing but equal values: there is no
 * graph to walk, and nothing to keep in step.
 *
 * @param postId     {@code posts.id}
 * @param title      {@code posts.title}
 * @param authorId   {@code posts.user_id}, which is {@code users.id}
 * @param authorName {@code users.name}
 */
public record PostSummary(long postId, String title, long authorId, String authorName) {
}
