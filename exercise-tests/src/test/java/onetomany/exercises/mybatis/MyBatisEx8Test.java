package onetomany.exercises.mybatis;

import javax.sql.DataSource;

import onetomany.exercises.Ex8SearchPostsContract;
import onetomany.exercises.contract.Exercises;

/** Exercise 8, run against MyBatisExercises. */
class MyBatisEx8Test extends Ex8SearchPostsContract {

    @Override
    protected Exercises createExercises(DataSource dataSource) {
        return new MyBatisExercises(dataSource);
    }
}
