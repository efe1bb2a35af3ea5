package onetomany.jdbi;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryReliabilityContract;

/** The shared reliability suite, run against Jdbi. */
class JdbiUserPostRepositoryReliabilityTest extends UserPostRepositoryReliabilityContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JdbiUserPostRepository(dataSource);
    }
}
