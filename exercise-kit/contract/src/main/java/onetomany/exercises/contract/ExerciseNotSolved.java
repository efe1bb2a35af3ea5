package onetomany.exercises.contract;

/** Thrown by every method of {@code exercises/} that is still to be written. */
public class ExerciseNotSolved extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Exercise exercise;

    public ExerciseNotSolved(Exercise exercise) {
        super("exercise " + exercise.number() + " (" + exercise.title() + ") is not solved yet: see "
                + exercise.instructions());
        this.exercise = exercise;
    }

    public Exercise exercise() {
        return exercise;
    }
}
