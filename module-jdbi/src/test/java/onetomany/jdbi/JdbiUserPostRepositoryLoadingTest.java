package onetomany.jdbi;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryLoadingContract;

/** The shared suite of loading, run against Jdbi. */
class JdbiUserPostRepositoryLoadingTest extends UserPostRepositoryLoadingContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JdbiUserPostRepository(dataSource);
    }
}
