package onetomany.exercises.contract;

import java.util.List;

/** Exercise 8: user input in a query. */
public interface Ex8SearchPosts {

    /**
     * The titles of the posts whose title contains {@code fragment} as typed, ordered by post id, in exactly 1
     * statement. Every character matches itself: {@code %}, {@code _}, quotes, backslashes, SQL text. The fragment
     * is a parameter: it never appears in the SQL.
     */
    List<String> findTitlesContaining(String fragment);
}
