package onetomany.exercises.jdbi;

import onetomany.exercises.Ex4CascadeContract;
import org.junit.jupiter.api.Tag;

/** Exercise 4, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx4Test extends Ex4CascadeContract {
}
