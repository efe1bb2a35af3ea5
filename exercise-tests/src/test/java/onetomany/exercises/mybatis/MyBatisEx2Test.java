package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex2LoadCommentsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 2, run against MyBatisExercises. */
class MyBatisEx2Test extends Ex2LoadCommentsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
