package onetomany.exercises;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import onetomany.contract.User;
import onetomany.db.StatementLog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static onetomany.exercises.Checks.say;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise 6: a page of users with their posts. The unlimited query runs first, then the page. Where a library keeps
 * a plan per query text (Hibernate), the page is asked once more on a new instance where each of its query texts
 * first ran without a limit, as any other caller of the same text may: a limit over a collection fetch does not
 * survive that, whatever the text (see {@link #pageAfterItsQueryTextsRanWithoutALimit}).
 */
@Tag("ex6")
public abstract class Ex6PageOfUsersContract extends ExerciseContract {

    /** How SQL limits rows: limit/offset, offset ... fetch first/next. */
    private static final Pattern ROW_LIMIT =
            Pattern.compile("\\b(limit|fetch\\s+(first|next)|offset|top|rownum)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    @Order(1)
    void a_page_of_users_comes_with_all_their_posts_the_limit_applied_by_the_database() {
        fixtures.usersWithPosts(7, 3);
        List<String> all = comments.describeUsersWithPosts();

        List<User> everyone = exactly(1, "findAllUsersWithPosts()", exercises::findAllUsersWithPosts);
        assertThat(walk(say("ex6.walk_all"), () -> Trees.describeUsersWithPosts(everyone)))
                .containsExactlyElementsOf(all);

        List<User> page = atMost(2, say("ex6.call", 1, 3),
                () -> exercises.findPageOfUsersWithPosts(1, 3));
        List<StatementLog.Executed> sent = statements.executed();

        assertThat(page).as(say("ex6.page_1"))
                .hasSize(3);
        assertThat(walk(say("ex6.walk_page"), () -> Trees.describeUsersWithPosts(page)))
                .as(say("ex6.fourth_to_sixth")).containsExactlyElementsOf(all.subList(12, 24));
        assertThat(sent).as(say("ex6.limit_in_sql"))
                .anySatisfy(e -> assertThat(ROW_LIMIT.matcher(e.toString()).find()).isTrue());

        pageAfterItsQueryTextsRanWithoutALimit(1, 3, again -> {
            assertThat(again).as(say("ex6.page_1_again")).hasSize(3);
            assertThat(walk(say("ex6.walk_page"), () -> Trees.describeUsersWithPosts(again)))
                    .as(say("ex6.fourth_to_sixth_again"))
                    .containsExactlyElementsOf(all.subList(12, 24));
        });
    }

    /**
     * For a library that keeps a plan per query text: on a new instance of the exercises, runs each query text that
     * {@code findPageOfUsersWithPosts(page, size)} sends once without a limit, then asks for that page and gives it
     * to {@code check} before the instance is closed. Nothing to do where a text has no plan of its own (the
     * default): the page's SQL is what the code wrote.
     */
    protected void pageAfterItsQueryTextsRanWithoutALimit(int page, int size, Consumer<List<User>> check) {
    }

    @Test
    @Order(2)
    void the_last_page_may_be_short_and_a_page_past_the_end_is_empty() {
        List<Long> users = fixtures.usersWithPosts(7, 2);

        List<User> last = atMost(2, say("ex6.call", 2, 3),
                () -> exercises.findPageOfUsersWithPosts(2, 3));
        assertThat(last).extracting(User::getId).as(say("ex6.page_of_7", 2)).containsExactly(users.get(6));
        assertThat(last.get(0).getPosts()).as(say("ex6.posts_of_7th")).hasSize(2);

        List<User> past = atMost(2, say("ex6.call", 3, 3),
                () -> exercises.findPageOfUsersWithPosts(3, 3));
        assertThat(past).as(say("ex6.page_of_7", 3)).isEmpty();
    }

    @Test
    @Order(3)
    void the_first_page_holds_users_not_rows() {
        List<Long> users = fixtures.usersWithPosts(5, 4);

        List<User> first = atMost(2, say("ex6.call", 0, 2),
                () -> exercises.findPageOfUsersWithPosts(0, 2));

        assertThat(first).extracting(User::getId).as(say("ex6.page_0"))
                .containsExactly(users.get(0), users.get(1));
        assertThat(first).allSatisfy(u -> assertThat(u.getPosts()).as(say("ex6.posts_of_user", u.getId())).hasSize(4));
    }
}
