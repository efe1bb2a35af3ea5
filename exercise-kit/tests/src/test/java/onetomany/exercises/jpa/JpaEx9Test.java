package onetomany.exercises.jpa;

import onetomany.exercises.Ex9BatchInsertContract;
import org.junit.jupiter.api.Tag;

/** Exercise 9, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx9Test extends Ex9BatchInsertContract {
}
