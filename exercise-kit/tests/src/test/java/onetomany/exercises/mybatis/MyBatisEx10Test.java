package onetomany.exercises.mybatis;

import onetomany.exercises.Ex10SaveCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 10, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx10Test extends Ex10SaveCommentsContract {
}
