package onetomany.mybatis;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryLoadingContract;

/** The shared suite of loading, run against MyBatis. */
class MyBatisUserPostRepositoryLoadingTest extends UserPostRepositoryLoadingContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new MyBatisUserPostRepository(dataSource);
    }
}
