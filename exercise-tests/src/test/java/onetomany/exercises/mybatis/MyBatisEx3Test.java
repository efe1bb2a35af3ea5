package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex3ThreeLevelsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 3, run against MyBatisExercises. */
class MyBatisEx3Test extends Ex3ThreeLevelsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
