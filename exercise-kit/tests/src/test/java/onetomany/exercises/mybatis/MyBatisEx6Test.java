package onetomany.exercises.mybatis;

import onetomany.exercises.Ex6PageOfUsersContract;
import org.junit.jupiter.api.Tag;

/** Exercise 6, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx6Test extends Ex6PageOfUsersContract {
}
