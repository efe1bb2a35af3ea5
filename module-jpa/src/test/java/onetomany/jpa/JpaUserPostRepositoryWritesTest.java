package onetomany.jpa;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryWritesContract;

/** The shared suite of writes, run against Hibernate ORM. */
class JpaUserPostRepositoryWritesTest extends UserPostRepositoryWritesContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JpaUserPostRepository(dataSource);
    }
}
