package onetomany.jooq;

import static onetomany.jooq.schema.Tables.POSTS;
import static onetomany.jooq.schema.Tables.USERS;

import onetomany.jooq.model.PostEntity;
import onetomany.jooq.model.UserEntity;
import org.jooq.Record;
import org.jooq.RecordMapper;

/**
 * The two record mappers, jOOQ's {@code RecordMapper}: one record in, one object out, by the generated columns.
 *
 * <p>Every query of the repository selects the generated fields themselves ({@code USERS.ID}, {@code POSTS.TITLE},
 * ...), so one mapper serves the join and the single-table queries alike, and a typo in a column is a compile error,
 * not a missing label at run time: the price of jOOQ's type safety is the build step that generates those classes
 * from the migrations. A mapper builds one object and never a relationship: linking a post to its author is the
 * repository's fold, which knows which objects are the same. {@code content} is a {@code clob}: jOOQ reads it as a
 * String ({@code SQLDataType.CLOB}).
 *
 * <p>jOOQ's own {@code into(UserEntity.class)} would find a constructor or setters by reflection
 * ({@code DefaultRecordMapper}); written out, the mapping is as plain as the row mappers of the Jdbi module.
 */
final class UserPostRecordMappers {

    private UserPostRecordMappers() {
    }

    // tag::mappers[]
    static RecordMapper<Record, UserEntity> user() {
        return row -> new UserEntity(row.get(USERS.ID), row.get(USERS.NAME), row.get(USERS.VERSION));
    }

    static RecordMapper<Record, PostEntity> post() {
        return row -> new PostEntity(row.get(POSTS.ID), row.get(POSTS.TITLE), row.get(POSTS.CONTENT));
    }
    // end::mappers[]
}
