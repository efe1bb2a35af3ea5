package onetomany.exercises.mybatis;

import onetomany.exercises.Ex7MovePostContract;
import org.junit.jupiter.api.Tag;

/** Exercise 7, run against MyBatisExercises: the registry's exercises of the library this class is tagged with. */
@Tag("mybatis")
class MyBatisEx7Test extends Ex7MovePostContract {
}
