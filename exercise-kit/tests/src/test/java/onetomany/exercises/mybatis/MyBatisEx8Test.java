package onetomany.exercises.mybatis;

import onetomany.exercises.Ex8SearchPostsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 8, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx8Test extends Ex8SearchPostsContract {
}
