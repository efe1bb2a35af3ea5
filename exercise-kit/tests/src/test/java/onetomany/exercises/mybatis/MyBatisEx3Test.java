package onetomany.exercises.mybatis;

import onetomany.exercises.Ex3ThreeLevelsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 3, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx3Test extends Ex3ThreeLevelsContract {
}
