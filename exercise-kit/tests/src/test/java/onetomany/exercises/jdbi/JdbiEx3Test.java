package onetomany.exercises.jdbi;

import onetomany.exercises.Ex3ThreeLevelsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 3, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx3Test extends Ex3ThreeLevelsContract {
}
