package onetomany.exercises.mybatis;

import onetomany.exercises.Ex2LoadCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 2, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx2Test extends Ex2LoadCommentsContract {
}
