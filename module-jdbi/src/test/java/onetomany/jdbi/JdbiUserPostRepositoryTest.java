package onetomany.jdbi;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryContract;

/** The shared contract suite, run against Jdbi 3 core. */
class JdbiUserPostRepositoryTest extends UserPostRepositoryContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JdbiUserPostRepository(dataSource);
    }
}
