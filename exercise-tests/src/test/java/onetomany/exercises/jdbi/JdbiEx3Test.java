package onetomany.exercises.jdbi;

import javax.sql.DataSource;

import onetomany.exercises.Ex3ThreeLevelsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 3, run against JdbiExercises. */
class JdbiEx3Test extends Ex3ThreeLevelsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JdbiExercises(dataSource);
    }
}
