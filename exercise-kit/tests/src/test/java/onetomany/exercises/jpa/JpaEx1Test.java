package onetomany.exercises.jpa;

import onetomany.exercises.Ex1MapCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 1, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx1Test extends Ex1MapCommentsContract {
}
