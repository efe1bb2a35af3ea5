package onetomany.exercises.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;

import onetomany.exercises.contract.Exercise;
import onetomany.exercises.jdbi.model.CommentEntity;
import onetomany.exercises.jdbi.model.PostEntity;
import onetomany.exercises.jdbi.model.UserEntity;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The row mappers, by column label: {@code u_id, u_name}, {@code p_id, p_title, p_content}, and (exercise 1)
 * {@code c_id, c_body}. A mapper builds one object, never a relationship: linking is the reducers' job.
 */
final class ExerciseRowMappers {

    private ExerciseRowMappers() {
    }

    static UserEntity user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new UserEntity(rs.getLong("u_id"), rs.getString("u_name"));
    }

    static PostEntity post(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PostEntity(rs.getLong("p_id"), rs.getString("p_title"), rs.getString("p_content"));
    }

    static CommentEntity comment(ResultSet rs, StatementContext ctx) throws SQLException {
        // catch-up ex1 {
        // TODO exercise 1: a comment from the columns c_id, c_body (01-map-comments.md)
        // exercises/instructions/01-map-comments.md; in Russian: exercises/instructions/ru/01-map-comments.md
        throw Exercise.MAP_COMMENTS.notSolved();
        // catch-up }
    }
}
