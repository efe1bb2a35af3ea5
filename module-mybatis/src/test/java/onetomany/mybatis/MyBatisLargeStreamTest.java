package onetomany.mybatis;

import javax.sql.DataSource;

import onetomany.suites.LargeStreamContract;
import onetomany.contract.UserPostRepository;

/** The stream in a heap of 64 MB, run against MyBatis. */
class MyBatisLargeStreamTest extends LargeStreamContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new MyBatisUserPostRepository(dataSource);
    }
}
