package onetomany.exercises.jpa;

import javax.sql.DataSource;

import onetomany.exercises.Ex1MapCommentsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 1, run against JpaExercises. */
class JpaEx1Test extends Ex1MapCommentsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JpaExercises(dataSource);
    }
}
