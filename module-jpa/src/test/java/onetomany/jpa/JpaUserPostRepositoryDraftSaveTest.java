package onetomany.jpa;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;
import onetomany.suites.UserPostRepositoryDraftSaveContract;

/** The shared suite of the draft's save, run against Hibernate ORM. */
class JpaUserPostRepositoryDraftSaveTest extends UserPostRepositoryDraftSaveContract {

    @Override
    protected UserPostRepository createRepository(DataSource dataSource) {
        return new JpaUserPostRepository(dataSource);
    }
}
