package onetomany.operations;

import java.util.function.ToIntBiFunction;

import onetomany.contract.OwnWays;
import onetomany.contract.StatementBudget;
import onetomany.contract.UserDraft;
import onetomany.contract.UserPostRepository;
import onetomany.fixtures.Fixtures.Seeded;

/**
 * The libraries' own ways that the comparison report shows beside the contract's operations ({@link OwnWays}): not
 * the contract's, never called by the shared suites. Each stands beside one {@link Operation}, is made on the same
 * seeded tables (the save with the same draft), and must send the statements its library's module tests count; a
 * library whose repository does not implement its interface has no cell.
 */
public enum OwnWay {

    /**
     * jOOQ's {@code multiset} ({@link OwnWays.NestedRead}), beside {@link Operation#FIND_ALL_JOINED}: the same
     * users and posts, in 1 statement too, without the join. {@code JooqMultisetTest} checks it.
     */
    MULTISET("findAllUsersWithPostsByMultiset", "all users with posts, each user's posts nested in his row as JSON"
            + " (multiset), no join", Operation.FIND_ALL_JOINED,
            (budget, seeded) -> 1,
            (repository, seeded) -> ((OwnWays.NestedRead) repository).findAllUsersWithPostsByMultiset()) {
        @Override
        public boolean isOf(UserPostRepository repository) {
            return repository instanceof OwnWays.NestedRead;
        }
    },

    /**
     * Spring Data JDBC's own save of a whole aggregate ({@link OwnWays.WholeAggregateSave}), beside
     * {@link Operation#SAVE_USER_WITH_POSTS}, with its draft: the load, then the library's save, which updates the
     * root (its version checked), deletes every post of the user, inserts the kept ones again with their ids (one
     * batch) and the new ones as the library inserts a new user's posts ({@link StatementBudget#createUserWithPosts}
     * without the user's insert). {@code SpringDataJdbcOwnSaveTest} checks it.
     */
    WHOLE_AGGREGATE_SAVE("save(aggregate)", "the same draft, the user loaded, changed and saved whole by the library's"
            + " save: every post deleted, the kept ones inserted again", Operation.SAVE_USER_WITH_POSTS,
            (budget, seeded) -> {
                UserDraft draft = Operation.saveDraft(seeded);
                long kept = draft.posts().stream().filter(post -> post.id() != null).count();
                long added = draft.posts().size() - kept;
                return 1 + 1 + 1 + (kept > 0 ? 1 : 0) + budget.createUserWithPosts((int) added) - 1;
            },
            (repository, seeded) -> ((OwnWays.WholeAggregateSave) repository)
                    .saveWholeAggregate(Operation.saveDraft(seeded))) {
        @Override
        public boolean isOf(UserPostRepository repository) {
            return repository instanceof OwnWays.WholeAggregateSave;
        }
    };

    private final String title;
    private final String description;
    private final Operation beside;
    private final ToIntBiFunction<StatementBudget, Seeded> expectedStatements;
    private final Operation.Call call;

    OwnWay(String title, String description, Operation beside,
           ToIntBiFunction<StatementBudget, Seeded> expectedStatements, Operation.Call call) {
        this.title = title;
        this.description = description;
        this.beside = beside;
        this.expectedStatements = expectedStatements;
        this.call = call;
    }

    /** The library's method, as the reports name it. */
    public String title() {
        return title;
    }

    /** What it does, in words. */
    public String description() {
        return description;
    }

    /**
     * The contract's operation it stands beside: its row follows that operation's, and it must touch as many
     * objects or rows.
     */
    public Operation beside() {
        return beside;
    }

    /** Whether it writes (as the operation it stands beside). */
    public boolean writes() {
        return beside.writes();
    }

    /** Whether this repository has it (implements its interface of {@link OwnWays}). */
    public abstract boolean isOf(UserPostRepository repository);

    /** The exact number of statements it must send on these seeded tables, in a library with this budget. */
    public int expectedStatements(StatementBudget budget, Seeded seeded) {
        return expectedStatements.applyAsInt(budget, seeded);
    }

    /**
     * Makes it on the first user of {@code seeded}, as {@link #beside()} is made; returns what the repository
     * returned. Only for a repository it {@link #isOf}.
     */
    public Object perform(UserPostRepository repository, Seeded seeded) {
        if (!isOf(repository)) {
            throw new IllegalArgumentException(repository.getClass().getSimpleName() + " has no " + this);
        }
        return call.perform(repository, seeded);
    }
}
