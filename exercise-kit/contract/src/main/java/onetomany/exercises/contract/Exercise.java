package onetomany.exercises.contract;

/**
 * The ten exercises, in order: their number, title and instructions file. The stubs throw
 * {@link #notSolved()}; the progress board prints the titles.
 */
public enum Exercise {

    MAP_COMMENTS(1, "Map comments: the foreign key and both directions", "01-map-comments.md"),
    LOAD_COMMENTS(2, "Load posts with comments: joined and select-in", "02-load-comments.md"),
    THREE_LEVELS(3, "Users, posts, comments: three levels, no duplicates", "03-three-levels.md"),
    CASCADE(4, "Cascade two levels, and delete-orphan", "04-cascade.md"),
    COUNT_POSTS(5, "Count posts per user without loading them", "05-count-posts.md"),
    PAGE_OF_USERS(6, "A page of users with their posts", "06-page-of-users.md"),
    MOVE_POST(7, "Move a post to another user", "07-move-post.md"),
    SEARCH_POSTS(8, "Search posts by a typed fragment", "08-search-posts.md"),
    BATCH_INSERT(9, "Save 5,000 posts in few round trips", "09-batch-insert.md"),
    SAVE_COMMENTS(10, "Save a post with its comments from a draft", "10-save-comments.md");

    private final int number;
    private final String title;
    private final String file;

    Exercise(int number, String title, String file) {
        this.number = number;
        this.title = title;
        this.file = file;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The instructions file, relative to the repository's root. */
    public String instructions() {
        return "exercises/instructions/" + file;
    }

    /** What an unsolved method throws: it names the exercise and where its instructions are. */
    public ExerciseNotSolved notSolved() {
        return new ExerciseNotSolved(this);
    }

    public static Exercise number(int number) {
        for (Exercise exercise : values()) {
            if (exercise.number == number) {
                return exercise;
            }
        }
        throw new IllegalArgumentException("there is no exercise " + number);
    }
}
