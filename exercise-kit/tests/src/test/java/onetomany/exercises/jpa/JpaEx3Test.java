package onetomany.exercises.jpa;

import onetomany.exercises.Ex3ThreeLevelsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 3, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx3Test extends Ex3ThreeLevelsContract {
}
