package onetomany.jpa;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryReliabilityContract;

/** The shared reliability suite, run against Hibernate ORM. */
class JpaUserPostRepositoryReliabilityTest extends UserPostRepositoryReliabilityContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JpaUserPostRepository(dataSource);
    }
}
