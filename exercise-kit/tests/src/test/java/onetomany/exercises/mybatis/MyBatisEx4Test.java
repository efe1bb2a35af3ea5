package onetomany.exercises.mybatis;

import onetomany.exercises.Ex4CascadeContract;
import org.junit.jupiter.api.Tag;

/** Exercise 4, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx4Test extends Ex4CascadeContract {
}
