package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex9BatchInsertContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 9, run against MyBatisExercises. */
class MyBatisEx9Test extends Ex9BatchInsertContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
