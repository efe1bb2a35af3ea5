package onetomany.mybatis;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryFaultsContract;

/** The shared fault suite, run against MyBatis. */
class MyBatisUserPostRepositoryFaultsTest extends UserPostRepositoryFaultsContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new MyBatisUserPostRepository(dataSource);
    }
}
