package onetomany.exercises.contract;

/** Exercise 5: a user and how many posts he has. */
public record PostCount(long userId, String name, long posts) {
}
