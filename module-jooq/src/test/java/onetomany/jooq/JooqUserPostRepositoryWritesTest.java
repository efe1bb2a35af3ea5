package onetomany.jooq;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryWritesContract;

/** The shared suite of writes, run against jOOQ. */
class JooqUserPostRepositoryWritesTest extends UserPostRepositoryWritesContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JooqUserPostRepository(dataSource);
    }
}
