package onetomany.jooq;

import static onetomany.jooq.schema.Tables.POSTS;
import static onetomany.jooq.schema.Tables.USERS;

import onetomany.jooq.model.PostEntity;
import onetomany.jooq.model.UserEntity;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record mappers on a record of the join's columns, built without a database: each reads its own table's
 * generated fields, whatever else the record holds and in whatever order.
 */
class UserPostRecordMappersTest {

    @Test
    void each_mapper_reads_its_own_tables_columns_of_a_joined_record() {
        DSLContext dsl = DSL.using(SQLDialect.H2);
        Record row = dsl.newRecord(POSTS.CONTENT, POSTS.ID, POSTS.TITLE, USERS.VERSION, USERS.NAME, USERS.ID)
                .values("text", 7L, "First Post", 2L, "Alice", 3L);

        UserEntity user = UserPostRecordMappers.user().map(row);
        PostEntity post = UserPostRecordMappers.post().map(row);

        assertThat(user.getId()).isEqualTo(3L);
        assertThat(user.getName()).isEqualTo("Alice");
        assertThat(user.getVersion()).isEqualTo(2L);
        assertThat(post.getId()).isEqualTo(7L);
        assertThat(post.getTitle()).isEqualTo("First Post");
        assertThat(post.getContent()).isEqualTo("text");
        assertThat(post.getAuthor()).as("a mapper links nothing").isNull();
    }
}
