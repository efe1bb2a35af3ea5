package onetomany.exercises.jdbi;

import onetomany.exercises.Ex2LoadCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 2, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx2Test extends Ex2LoadCommentsContract {
}
