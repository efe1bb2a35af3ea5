package onetomany.benchmarks;

import java.util.List;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.jooq.JooqUserPostRepository;

/**
 * jOOQ's {@code multiset}, the module's own extra read ({@code findAllUsersWithPostsByMultiset}): each user's posts
 * as a nested collection, one statement with no join, each user's columns sent once. The price: the database builds
 * a JSON array per user (H2 {@code json_arrayagg}, PostgreSQL {@code jsonb_agg}, MariaDB a {@code group_concat}),
 * and jOOQ parses it back into records.
 */
final class JooqMultiset implements Tuned.Reader {

    private final JooqUserPostRepository repository;

    JooqMultiset(DataSource dataSource) {
        this.repository = new JooqUserPostRepository(dataSource);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        return repository.findAllUsersWithPostsByMultiset();
    }
}
