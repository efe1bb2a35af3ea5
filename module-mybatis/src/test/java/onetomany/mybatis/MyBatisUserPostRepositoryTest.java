package onetomany.mybatis;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryContract;

/** The shared contract suite, run against MyBatis. */
class MyBatisUserPostRepositoryTest extends UserPostRepositoryContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new MyBatisUserPostRepository(dataSource);
    }
}
