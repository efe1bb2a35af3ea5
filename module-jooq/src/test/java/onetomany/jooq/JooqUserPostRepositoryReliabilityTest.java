package onetomany.jooq;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryReliabilityContract;

/** The shared reliability suite, run against jOOQ. */
class JooqUserPostRepositoryReliabilityTest extends UserPostRepositoryReliabilityContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JooqUserPostRepository(dataSource);
    }
}
