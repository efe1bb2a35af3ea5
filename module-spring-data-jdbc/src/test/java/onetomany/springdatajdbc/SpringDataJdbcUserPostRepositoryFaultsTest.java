package onetomany.springdatajdbc;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryFaultsContract;

/** The shared fault suite, run against Spring Data JDBC. */
class SpringDataJdbcUserPostRepositoryFaultsTest extends UserPostRepositoryFaultsContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new SpringDataJdbcUserPostRepository(dataSource);
    }
}
