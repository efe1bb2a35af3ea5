package onetomany.exercises.contract;

/**
 * All ten exercises: what {@code JpaExercises}, {@code MyBatisExercises} and {@code JdbiExercises} implement, and
 * what the exercise tests call. Each method is one unit of work (one transaction), and whatever it returns is
 * complete: walking it sends no SQL.
 */
public interface Exercises extends Ex1MapComments, Ex2LoadComments, Ex3ThreeLevels, Ex4Cascade, Ex5CountPosts,
        Ex6PageOfUsers, Ex7MovePost, Ex8SearchPosts, Ex9BatchInsert, Ex10SaveComments,
        AutoCloseable {

    /** Releases what the library holds; the DataSource is not closed. */
    @Override
    default void close() {
    }
}
