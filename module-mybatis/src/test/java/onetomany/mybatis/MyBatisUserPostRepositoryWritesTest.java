package onetomany.mybatis;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryWritesContract;

/** The shared suite of writes, run against MyBatis. */
class MyBatisUserPostRepositoryWritesTest extends UserPostRepositoryWritesContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new MyBatisUserPostRepository(dataSource);
    }
}
