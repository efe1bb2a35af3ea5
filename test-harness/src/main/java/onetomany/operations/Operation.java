package onetomany.operations;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import java.util.stream.Stream;

import onetomany.contract.LoadStrategy;
import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.Post;
import onetomany.contract.PostSummary;
import onetomany.contract.StatementBudget;
import onetomany.contract.User;
import onetomany.contract.UserDraft;
import onetomany.contract.UserPostRepository;
import onetomany.fixtures.Fixtures.Seeded;

/**
 * The catalogue of the contract's operations: every operation of {@link UserPostRepository}, made on seeded tables
 * (the first user of a {@link Seeded}, with his posts), with the exact number of statements it must send (the
 * contract's fixed numbers for reads, the library's {@link StatementBudget} for writes). One list for everything
 * that goes through every operation: the comparison's report runs each one, and the shared suites make each write
 * fail at each of its statements ({@link #allWrites()}), so that an operation added here is both reported and
 * tested for atomicity and lost connections.
 */
public enum Operation {

    CREATE_USER_WITH_POSTS("createUserWithPosts", "create a user with 3 posts", true,
            (budget, seeded) -> budget.createUserWithPosts(newPosts().size()),
            (repository, seeded) -> repository.createUserWithPosts(new NewUser("Dora", newPosts()))),

    FIND_USER_WITH_POSTS("findUserWithPosts", "find one user with posts", false,
            (budget, seeded) -> 1,
            (repository, seeded) -> repository.findUserWithPosts(seeded.first().id())),

    FIND_ALL_JOINED("findAllUsersWithPosts(JOINED)", "all users with posts, one join", false,
            (budget, seeded) -> 1,
            (repository, seeded) -> repository.findAllUsersWithPosts(LoadStrategy.JOINED)),

    FIND_ALL_SELECT_IN("findAllUsersWithPosts(SELECT_IN)", "all users, then their posts with in (...), 500 ids a time",
            false,
            (budget, seeded) -> expectedForFindAll(LoadStrategy.SELECT_IN, seeded.users().size()),
            (repository, seeded) -> repository.findAllUsersWithPosts(LoadStrategy.SELECT_IN)),

    FIND_ALL_SUBQUERY("findAllUsersWithPosts(SUBQUERY)", "all users, then their posts with in (select ...)", false,
            (budget, seeded) -> expectedForFindAll(LoadStrategy.SUBQUERY, seeded.users().size()),
            (repository, seeded) -> repository.findAllUsersWithPosts(LoadStrategy.SUBQUERY)),

    FIND_ALL_NAIVE("findAllUsersWithPosts(NAIVE)", "all users, then each one's posts (N+1)", false,
            (budget, seeded) -> expectedForFindAll(LoadStrategy.NAIVE, seeded.users().size()),
            (repository, seeded) -> repository.findAllUsersWithPosts(LoadStrategy.NAIVE)),

    FIND_ALL_POSTS_WITH_AUTHORS("findAllPostsWithAuthors", "all posts with their authors", false,
            (budget, seeded) -> 1,
            (repository, seeded) -> repository.findAllPostsWithAuthors()),

    FIND_USERS_PAGE("findUsersWithPostsPage", "a page of " + Operation.PAGE_LIMIT
            + " users with their posts, the limit in the database", false,
            (budget, seeded) -> seeded.users().isEmpty() ? 1 : 2,
            (repository, seeded) -> repository.findUsersWithPostsPage(0, Operation.PAGE_LIMIT)),

    FIND_POST_SUMMARIES("findPostSummaries", "all posts with their authors' names, as plain records", false,
            (budget, seeded) -> 1,
            (repository, seeded) -> repository.findPostSummaries()),

    ADD_POST("addPost", "add a post to a user", true,
            (budget, seeded) -> budget.addPost(),
            (repository, seeded) -> repository.addPost(seeded.first().id(), new NewPost("Third Post", "More"))),

    REMOVE_POST("removePost", "remove a post from its user (delete-orphan)", true,
            (budget, seeded) -> budget.removePost(seeded.postsPerUser()),
            (repository, seeded) -> {
                repository.removePost(seeded.first().id(), seeded.first().postIds().get(0));
                return null;
            }),

    RENAME_USER("renameUser", "rename a user", true,
            (budget, seeded) -> budget.renameUser(),
            (repository, seeded) -> {
                repository.renameUser(seeded.first().id(), "Alice Renamed");
                return null;
            }),

    EDIT_POST("editPost", "edit a post's title and content", true,
            (budget, seeded) -> budget.editPost(),
            (repository, seeded) -> {
                repository.editPost(seeded.first().postIds().get(0), "Edited title", "Edited content");
                return null;
            }),

    DELETE_USER("deleteUser", "delete a user with 3 posts (cascade)", true,
            (budget, seeded) -> budget.deleteUser(seeded.postsPerUser()),
            (repository, seeded) -> {
                repository.deleteUser(seeded.first().id());
                return null;
            }),

    SAVE_USER_WITH_POSTS("saveUserWithPosts", "save a user from a draft: add 2 posts, edit 2, remove 1", true,
            (budget, seeded) -> budget.saveUserWithPosts(2, 2, seeded.postsPerUser() - 2, false),
            (repository, seeded) -> repository.saveUserWithPosts(saveDraft(seeded)));

    /** The limit of {@link #FIND_USERS_PAGE}'s page, which starts at the first user. */
    public static final int PAGE_LIMIT = 20;

    /**
     * The draft of {@link #SAVE_USER_WITH_POSTS}: the first user as seeded (version 0, since every write runs on a
     * user no earlier call touched), his first two posts edited, the third removed, two new ones. The library's own
     * save beside it ({@link OwnWay#WHOLE_AGGREGATE_SAVE}) saves the same draft.
     */
    public static UserDraft saveDraft(Seeded seeded) {
        List<Long> posts = seeded.first().postIds();
        return new UserDraft(seeded.first().id(), 0, seeded.first().name(), List.of(
                new UserDraft.PostDraft(posts.get(0), "Edited title", "Edited content"),
                new UserDraft.PostDraft(posts.get(1), "Edited title too", null),
                UserDraft.PostDraft.added("New Post", "New content"),
                UserDraft.PostDraft.added("Another New Post", null)));
    }

    /** The posts of the user that {@link #CREATE_USER_WITH_POSTS} creates. */
    private static List<NewPost> newPosts() {
        return List.of(new NewPost("First Post", "Content of first post"),
                new NewPost("Second Post", "Content of second post"),
                new NewPost("Third Post", "Content of third post"));
    }

    /** One call of the repository on seeded tables; returns what the repository returned (null if nothing). */
    @FunctionalInterface
    public interface Call {
        Object perform(UserPostRepository repository, Seeded seeded);
    }

    private final String title;
    private final String description;
    private final boolean writes;
    private final ToIntBiFunction<StatementBudget, Seeded> expectedStatements;
    private final Call call;

    Operation(String title, String description, boolean writes,
              ToIntBiFunction<StatementBudget, Seeded> expectedStatements, Call call) {
        this.title = title;
        this.description = description;
        this.writes = writes;
        this.expectedStatements = expectedStatements;
        this.call = call;
    }

    /** The contract method, as the reports name it, e.g. {@code findAllUsersWithPosts(NAIVE)}. */
    public String title() {
        return title;
    }

    /** What it does, in words. */
    public String description() {
        return description;
    }

    /** Whether it writes: its rows are then the rows it wrote, otherwise the objects it returned. */
    public boolean writes() {
        return writes;
    }

    /** The exact number of statements this operation must send on these seeded tables. */
    public int expectedStatements(StatementBudget budget, Seeded seeded) {
        return expectedStatements.applyAsInt(budget, seeded);
    }

    /**
     * Makes this operation on the first user of {@code seeded}, who must have at least three posts; returns what the
     * repository returned (null if nothing).
     */
    public Object perform(UserPostRepository repository, Seeded seeded) {
        return call.perform(repository, seeded);
    }

    /** The operations that write, in the catalogue's order. */
    public static Stream<Operation> allWrites() {
        return Stream.of(values()).filter(Operation::writes);
    }

    /** The contract's numbers for loading all users with their posts: {@link LoadStrategy#statements(int)}. */
    public static int expectedForFindAll(LoadStrategy strategy, int users) {
        return strategy.statements(users);
    }

    /**
     * The objects in what a read returned: users plus posts for users (one user, or a list), posts plus their
     * distinct authors for posts, one object per record for a projection.
     */
    public static int objectsIn(Object result) {
        if (result instanceof Optional<?> optional) {
            return optional.map(Operation::objectsIn).orElse(0);
        }
        if (result instanceof User user) {
            return 1 + user.getPosts().size();
        }
        if (result instanceof List<?> list) {
            int objects = 0;
            Set<User> authors = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object element : list) {
                if (element instanceof PostSummary) {
                    objects++;
                } else if (element instanceof Post post) {
                    objects++;
                    authors.add(post.getAuthor());
                } else {
                    objects += objectsIn(element);
                }
            }
            return objects + authors.size();
        }
        throw new IllegalArgumentException("not a read result: " + result);
    }
}
