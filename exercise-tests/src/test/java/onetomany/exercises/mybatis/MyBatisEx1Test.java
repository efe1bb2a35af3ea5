package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex1MapCommentsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 1, run against MyBatisExercises. */
class MyBatisEx1Test extends Ex1MapCommentsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
