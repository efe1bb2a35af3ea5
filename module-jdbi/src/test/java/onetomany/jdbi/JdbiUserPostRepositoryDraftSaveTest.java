package onetomany.jdbi;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryDraftSaveContract;

/** The shared suite of the draft's save, run against Jdbi. */
class JdbiUserPostRepositoryDraftSaveTest extends UserPostRepositoryDraftSaveContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JdbiUserPostRepository(dataSource);
    }
}
