package onetomany.exercises.jdbi;

import javax.sql.DataSource;

import onetomany.exercises.Ex5CountPostsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 5, run against JdbiExercises. */
class JdbiEx5Test extends Ex5CountPostsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JdbiExercises(dataSource);
    }
}
