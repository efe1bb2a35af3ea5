package onetomany.springdatajdbc;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryReliabilityContract;

/** The shared reliability suite, run against Spring Data JDBC. */
class SpringDataJdbcUserPostRepositoryReliabilityTest extends UserPostRepositoryReliabilityContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new SpringDataJdbcUserPostRepository(dataSource);
    }
}
