package onetomany.exercises.jdbi;

import javax.sql.DataSource;

import onetomany.exercises.Ex4CascadeContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 4, run against JdbiExercises. */
class JdbiEx4Test extends Ex4CascadeContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JdbiExercises(dataSource);
    }
}
