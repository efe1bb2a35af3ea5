package onetomany.springdatajdbc;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryLoadingContract;

/** The shared suite of loading, run against Spring Data JDBC. */
class SpringDataJdbcUserPostRepositoryLoadingTest extends UserPostRepositoryLoadingContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new SpringDataJdbcUserPostRepository(dataSource);
    }
}
