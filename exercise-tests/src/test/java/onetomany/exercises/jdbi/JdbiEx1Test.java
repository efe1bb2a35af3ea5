package onetomany.exercises.jdbi;

import javax.sql.DataSource;

import onetomany.exercises.Ex1MapCommentsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 1, run against JdbiExercises. */
class JdbiEx1Test extends Ex1MapCommentsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JdbiExercises(dataSource);
    }
}
