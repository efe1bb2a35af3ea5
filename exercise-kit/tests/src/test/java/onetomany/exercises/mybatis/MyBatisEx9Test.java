package onetomany.exercises.mybatis;

import onetomany.exercises.Ex9BatchInsertContract;
import org.junit.jupiter.api.Tag;

/** Exercise 9, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx9Test extends Ex9BatchInsertContract {
}
