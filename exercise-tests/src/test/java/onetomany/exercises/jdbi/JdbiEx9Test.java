package onetomany.exercises.jdbi;

import javax.sql.DataSource;

import onetomany.exercises.Ex9BatchInsertContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 9, run against JdbiExercises. */
class JdbiEx9Test extends Ex9BatchInsertContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new JdbiExercises(dataSource);
    }
}
