package onetomany.jooq.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Both sides of the relationship kept in step by the entity's own methods, with no database. */
class UserEntityTest {

    @Test
    void adding_a_post_sets_its_author_and_removing_it_clears_it() {
        UserEntity alice = new UserEntity(3L, "Alice");
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
    void an_entity_prints_its_name_or_title_and_never_its_relationship() {
        UserEntity alice = new UserEntity(3L, "Alice");
        PostEntity first = new PostEntity(7L, "First Post", "one");
        alice.addPost(first);

        assertThat(alice).hasToString("UserEntity[id=3, name=Alice]");
        assertThat(first).hasToString("PostEntity[id=7, title=First Post]");
    }
}
