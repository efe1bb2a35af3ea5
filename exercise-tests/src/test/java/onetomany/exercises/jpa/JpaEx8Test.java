package onetomany.exercises.jpa;

import javax.sql.DataSource;

import onetomany.exercises.Ex8SearchPostsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 8, run against JpaExercises. */
class JpaEx8Test extends Ex8SearchPostsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JpaExercises(dataSource);
    }
}
