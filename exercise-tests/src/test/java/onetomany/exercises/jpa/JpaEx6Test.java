package onetomany.exercises.jpa;

import javax.sql.DataSource;

import onetomany.exercises.Ex6PageOfUsersContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 6, run against JpaExercises. */
class JpaEx6Test extends Ex6PageOfUsersContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JpaExercises(dataSource);
    }
}
