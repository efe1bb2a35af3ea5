package onetomany.exercises.jpa;

import onetomany.exercises.Ex4CascadeContract;
import org.junit.jupiter.api.Tag;

/** Exercise 4, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx4Test extends Ex4CascadeContract {
}
