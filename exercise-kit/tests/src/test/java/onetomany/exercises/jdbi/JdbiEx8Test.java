package onetomany.exercises.jdbi;

import onetomany.exercises.Ex8SearchPostsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 8, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx8Test extends Ex8SearchPostsContract {
}
