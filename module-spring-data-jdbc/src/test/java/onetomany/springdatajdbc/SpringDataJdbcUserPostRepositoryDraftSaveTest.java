package onetomany.springdatajdbc;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryDraftSaveContract;

/** The shared suite of the draft's save, run against Spring Data JDBC. */
class SpringDataJdbcUserPostRepositoryDraftSaveTest extends UserPostRepositoryDraftSaveContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new SpringDataJdbcUserPostRepository(dataSource);
    }
}
