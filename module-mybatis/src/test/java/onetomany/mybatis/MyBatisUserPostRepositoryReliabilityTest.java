package onetomany.mybatis;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryReliabilityContract;

/** The shared reliability suite, run against MyBatis. */
class MyBatisUserPostRepositoryReliabilityTest extends UserPostRepositoryReliabilityContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new MyBatisUserPostRepository(dataSource);
    }
}
