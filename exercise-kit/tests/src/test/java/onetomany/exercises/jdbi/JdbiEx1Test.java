package onetomany.exercises.jdbi;

import onetomany.exercises.Ex1MapCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 1, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx1Test extends Ex1MapCommentsContract {
}
