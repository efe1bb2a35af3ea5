package onetomany.jpa;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryFaultsContract;

/** The shared fault suite, run against Hibernate ORM. */
class JpaUserPostRepositoryFaultsTest extends UserPostRepositoryFaultsContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JpaUserPostRepository(dataSource);
    }
}
