package onetomany.springdatajdbc.model;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Both sides of the relationship kept in step by the entity's own methods, with no database. */
class UserEntityTest {

    @Test
    void adding_a_post_sets_its_author_and_removing_it_clears_it() {
        UserEntity alice = new UserEntity(3L, "Alice", 0);
        PostEntity first = new PostEntity(7L, "First Post", "one");
        PostEntity second = new PostEntity(8L, "Second Post", null);

        alice.addPost(first);
        alice.addPost(second);

        assertThat(alice.getPosts()).containsExactly(first, second);
        assertThat(first.getAuthor()).isSameAs(alice);

        alice.removePost(first);

        assertThat(alice.getPosts()).containsExactly(second);
        assertThat(first.getAuthor()).as("the author of a removed post").isNull();
        assertThat(second.getAuthor()).isSameAs(alice);
    }

    @Test
    void the_library_s_constructor_orders_the_posts_by_id_and_makes_the_user_their_author() {
        PostEntity second = new PostEntity(8L, "Second Post", null);
        PostEntity first = new PostEntity(7L, "First Post", "one");

        UserEntity alice = new UserEntity(3L, "Alice", 2L, Set.of(second, first));

        assertThat(alice.getPosts()).containsExactly(first, second);
        assertThat(first.getAuthor()).isSameAs(alice);
        assertThat(second.getAuthor()).isSameAs(alice);
        assertThat(alice.getVersion()).isEqualTo(2L);
    }

    @Test
    void the_library_s_constructor_takes_no_set_for_a_user_without_posts() {
        UserEntity alone = new UserEntity(4L, "Without posts", 0L, null); // as single query loading hands him over

        assertThat(alone.getPosts()).isEmpty();
    }

    @Test
    void a_new_user_is_at_version_0_before_the_library_stores_it() {
        assertThat(new UserEntity("Alice").getVersion()).isZero();
        assertThat(new UserEntity("Alice").getId()).isNull();
    }

    @Test
    void an_entity_prints_its_name_or_title_and_never_its_relationship() {
        UserEntity alice = new UserEntity(3L, "Alice", 0);
        PostEntity first = new PostEntity(7L, "First Post", "one");
        alice.addPost(first);

        assertThat(alice).hasToString("UserEntity[id=3, name=Alice]");
        assertThat(first).hasToString("PostEntity[id=7, title=First Post]");
    }
}
