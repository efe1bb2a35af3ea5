package onetomany.exercises.jpa;

import onetomany.exercises.Ex5CountPostsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 5, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx5Test extends Ex5CountPostsContract {
}
