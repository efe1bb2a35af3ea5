package onetomany.jooq;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryDraftSaveContract;

/** The shared suite of the draft's save, run against jOOQ. */
class JooqUserPostRepositoryDraftSaveTest extends UserPostRepositoryDraftSaveContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JooqUserPostRepository(dataSource);
    }
}
