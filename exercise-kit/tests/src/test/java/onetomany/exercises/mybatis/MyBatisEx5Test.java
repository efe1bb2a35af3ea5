package onetomany.exercises.mybatis;

import onetomany.exercises.Ex5CountPostsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 5, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx5Test extends Ex5CountPostsContract {
}
