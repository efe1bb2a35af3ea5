package onetomany.jpa;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryContract;

/** The shared contract suite, run against Hibernate ORM. */
class JpaUserPostRepositoryTest extends UserPostRepositoryContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JpaUserPostRepository(dataSource);
    }
}
