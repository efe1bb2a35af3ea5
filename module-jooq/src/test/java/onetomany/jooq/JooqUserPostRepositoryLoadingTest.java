package onetomany.jooq;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryLoadingContract;

/** The shared suite of loading, run against jOOQ. */
class JooqUserPostRepositoryLoadingTest extends UserPostRepositoryLoadingContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JooqUserPostRepository(dataSource);
    }
}
