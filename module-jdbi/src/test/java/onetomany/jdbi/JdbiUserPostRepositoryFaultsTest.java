package onetomany.jdbi;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryFaultsContract;

/** The shared fault suite, run against Jdbi. */
class JdbiUserPostRepositoryFaultsTest extends UserPostRepositoryFaultsContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JdbiUserPostRepository(dataSource);
    }
}
