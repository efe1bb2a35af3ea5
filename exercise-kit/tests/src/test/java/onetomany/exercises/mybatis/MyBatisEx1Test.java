package onetomany.exercises.mybatis;

import onetomany.exercises.Ex1MapCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 1, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx1Test extends Ex1MapCommentsContract {
}
