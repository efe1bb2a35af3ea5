package onetomany.jpa;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryLoadingContract;

/** The shared suite of loading, run against Hibernate ORM. */
class JpaUserPostRepositoryLoadingTest extends UserPostRepositoryLoadingContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JpaUserPostRepository(dataSource);
    }

    /** Hibernate ORM reads a single user's posts with {@code user_id = ?}, not a list or a subquery. */
    @Override
    protected boolean readsOneUsersPostsByHisId() {
        return true;
    }
}
