package onetomany.exercises.jdbi;

import onetomany.exercises.Ex6PageOfUsersContract;
import org.junit.jupiter.api.Tag;

/** Exercise 6, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx6Test extends Ex6PageOfUsersContract {
}
