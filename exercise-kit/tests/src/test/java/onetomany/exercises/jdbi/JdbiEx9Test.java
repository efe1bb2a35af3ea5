package onetomany.exercises.jdbi;

import onetomany.exercises.Ex9BatchInsertContract;
import org.junit.jupiter.api.Tag;

/** Exercise 9, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx9Test extends Ex9BatchInsertContract {
}
