package onetomany.exercises.jdbi;

import javax.sql.DataSource;

import onetomany.exercises.Ex2LoadCommentsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 2, run against JdbiExercises. */
class JdbiEx2Test extends Ex2LoadCommentsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JdbiExercises(dataSource);
    }
}
