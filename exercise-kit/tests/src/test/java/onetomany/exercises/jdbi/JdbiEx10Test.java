package onetomany.exercises.jdbi;

import onetomany.exercises.Ex10SaveCommentsContract;
import org.junit.jupiter.api.Tag;

/** Exercise 10, run against JdbiExercises: the registry's exercises of the library this class is tagged with. */
@Tag("jdbi")
class JdbiEx10Test extends Ex10SaveCommentsContract {
}
