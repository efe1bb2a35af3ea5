package onetomany.exercises.jpa;

import onetomany.exercises.Ex10SaveCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 10, run against JpaExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jpa")
class JpaEx10Test extends Ex10SaveCommentsContract {
}
