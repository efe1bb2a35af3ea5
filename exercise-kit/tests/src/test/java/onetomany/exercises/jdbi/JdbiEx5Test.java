package onetomany.exercises.jdbi;

import onetomany.exercises.Ex5CountPostsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 5, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx5Test extends Ex5CountPostsContract {
}
