package onetomany.springdatajdbc;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.LargeStreamContract;

/** The stream in a heap of 64 MB, run against Spring Data JDBC. */
class SpringDataJdbcLargeStreamTest extends LargeStreamContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new SpringDataJdbcUserPostRepository(dataSource);
    }
}
