package onetomany.exercises.jdbi;

import onetomany.exercises.Ex7MovePostContract;
import org.junit.jupiter.api.Tag;

/** Exercise 7, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx7Test extends Ex7MovePostContract {
}
