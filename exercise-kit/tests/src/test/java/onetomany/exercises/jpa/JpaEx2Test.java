package onetomany.exercises.jpa;

import onetomany.exercises.Ex2LoadCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 2, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx2Test extends Ex2LoadCommentsContract {
}
