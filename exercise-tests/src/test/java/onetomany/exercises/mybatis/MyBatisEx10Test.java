package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex10SaveCommentsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 10, run against MyBatisExercises. */
class MyBatisEx10Test extends Ex10SaveCommentsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
