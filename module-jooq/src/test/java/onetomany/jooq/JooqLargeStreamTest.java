package onetomany.jooq;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.LargeStreamContract;

/** The stream in a heap of 64 MB, run against jOOQ. */
class JooqLargeStreamTest extends LargeStreamContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JooqUserPostRepository(dataSource);
    }
}
