package onetomany.exercises.jpa;

import onetomany.exercises.Ex6PageOfUsersContract;
import org.junit.jupiter.api.Tag;

/** Exercise 6, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx6Test extends Ex6PageOfUsersContract {
}
