package onetomany.exercises.jpa;

import onetomany.exercises.Ex8SearchPostsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 8, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx8Test extends Ex8SearchPostsContract {
}
