package onetomany.jdbi;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.LargeStreamContract;

/** The stream in a heap of 64 MB, run against Jdbi. */
class JdbiLargeStreamTest extends LargeStreamContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JdbiUserPostRepository(dataSource);
    }
}
