package onetomany.springdatajdbc;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryWritesContract;

/** The shared suite of writes, run against Spring Data JDBC. */
class SpringDataJdbcUserPostRepositoryWritesTest extends UserPostRepositoryWritesContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new SpringDataJdbcUserPostRepository(dataSource);
    }
}
