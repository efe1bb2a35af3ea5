package onetomany.mybatis;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryDraftSaveContract;

/** The shared suite of the draft's save, run against MyBatis. */
class MyBatisUserPostRepositoryDraftSaveTest extends UserPostRepositoryDraftSaveContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new MyBatisUserPostRepository(dataSource);
    }
}
