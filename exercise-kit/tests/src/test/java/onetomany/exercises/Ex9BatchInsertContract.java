package onetomany.exercises;

import java.util.ArrayList;
import java.util.List;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.db.StatementLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Exercise 9: thousands of rows in JDBC batches, counted by the proxy (a batch is one statement). */
@Tag("ex9")
public abstract class Ex9BatchInsertContract extends ExerciseContract {

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {5000, 3})
    @Order(1)
    void a_user_with_many_posts_is_saved_in_few_round_trips(int posts) {
        List<NewPost> newPosts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= posts; i++) {
            titles.add("post " + i);
            newPosts.add(new NewPost("post " + i, i % 2 == 0 ? null : "content " + i));
        }

        long userId = atMost(20, say("ex9.call", posts),
                () -> exercises.saveUserWithManyPosts(new NewUser("Prolific", newPosts)));

        List<StatementLog.Executed> sent = statements.executed();
        int batchedRows = sent.stream().mapToInt(StatementLog.Executed::batchSize).sum();
        if (posts > 3 && batchedRows < posts) {
            fail(say("ex9.batched", sent.size(), batchedRows, posts));
        }
        assertThat(comments.longs("select id from users where name = 'Prolific'")).as(say("ex9.user_id"))
                .containsExactly(userId);
        assertThat(comments.count("select count(*) from posts where user_id = ?", userId))
                .as(say("ex9.posts_saved")).isEqualTo(posts);
        assertThat(comments.strings("select title from posts where user_id = ? order by id", userId))
                .as(say("ex9.titles")).isEqualTo(titles);
    }
}
