package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex7MovePostContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 7, run against MyBatisExercises. */
class MyBatisEx7Test extends Ex7MovePostContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
