package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex4CascadeContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 4, run against MyBatisExercises. */
class MyBatisEx4Test extends Ex4CascadeContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
