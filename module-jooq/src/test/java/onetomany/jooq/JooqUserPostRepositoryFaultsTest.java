package onetomany.jooq;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryFaultsContract;

/** The shared fault suite, run against jOOQ. */
class JooqUserPostRepositoryFaultsTest extends UserPostRepositoryFaultsContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JooqUserPostRepository(dataSource);
    }
}
