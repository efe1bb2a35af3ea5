package onetomany.jdbi;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryWritesContract;

/** The shared suite of writes, run against Jdbi. */
class JdbiUserPostRepositoryWritesTest extends UserPostRepositoryWritesContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JdbiUserPostRepository(dataSource);
    }
}
