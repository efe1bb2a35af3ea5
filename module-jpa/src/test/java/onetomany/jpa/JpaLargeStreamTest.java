package onetomany.jpa;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.LargeStreamContract;

/** The stream in a heap of 64 MB, run against Hibernate ORM. */
class JpaLargeStreamTest extends LargeStreamContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JpaUserPostRepository(dataSource);
    }
}
