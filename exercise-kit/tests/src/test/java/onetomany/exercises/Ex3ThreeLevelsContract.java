package onetomany.exercises;

import java.util.List;

import onetomany.exercises.contract.CommentedUser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Exercise 3: users → posts → comments, at most 3 statements, each object once. */
@Tag("ex3")
public abstract class Ex3ThreeLevelsContract extends ExerciseContract {

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 5, 30})
    @Order(1)
    void users_posts_and_comments_load_in_at_most_three_statements_each_once_in_order(int users) {
        fixtures.usersWithPosts(users, 3);
        fixtures.insertUser("nobody");
        comments.commentOnEveryPost(i -> i % 4);

        List<CommentedUser> loaded = atMost(3, say("ex3.call_users", users),
                exercises::findAllUsersWithPostsAndComments);

        assertThat(walk(say("ex3.walk"), () -> Trees.describeUsersPostsComments(loaded)))
                .containsExactlyElementsOf(comments.describeUsersPostsComments());
    }

    @Test
    @Order(2)
    void no_users_load_as_an_empty_list() {
        assertThat(atMost(3, say("ex3.call_no_user"),
                exercises::findAllUsersWithPostsAndComments)).as(say("ex3.no_users")).isEmpty();
    }
}
