package onetomany.benchmarks;

import java.util.List;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.jpa.model.UserEntity;
import org.hibernate.SessionFactory;

/**
 * module-jpa's joined read as it was first written, before its tuning: the same query in a plain session, which
 * keeps a snapshot of every loaded entity for dirty checking and flushes (walks the persistence context) at
 * commit. module-jpa now reads in a read-only session with {@code FlushMode.MANUAL}; this is the baseline.
 */
final class HibernatePlainSession implements Tuned.Reader {

    private final SessionFactory sessionFactory;

    HibernatePlainSession(DataSource dataSource) {
        this.sessionFactory = HibernateSessions.open(dataSource);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        return sessionFactory.fromTransaction(session -> List.copyOf(session.createSelectionQuery(
                "from UserEntity u left join fetch u.posts order by u.id", UserEntity.class).getResultList()));
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
