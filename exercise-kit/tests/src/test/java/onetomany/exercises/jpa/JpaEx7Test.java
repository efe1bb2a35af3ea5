package onetomany.exercises.jpa;

import onetomany.exercises.Ex7MovePostContract;
import org.junit.jupiter.api.Tag;

/** Exercise 7, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx7Test extends Ex7MovePostContract {
}
