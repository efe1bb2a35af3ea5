package onetomany.benchmarks;

import java.util.List;

import javax.sql.DataSource;

import onetomany.contract.User;
import onetomany.jpa.model.UserEntity;
import org.hibernate.SessionFactory;

/**
 * Entities, the module's query, through a {@code StatelessSession}: no persistence context kept after the query,
 * no dirty checking, no cascades, no lazy loading afterwards. The entities are detached the moment they are
 * returned, which the contract requires anyway (it walks the graph after the unit of work).
 */
final class HibernateStateless implements Tuned.Reader {

    private final SessionFactory sessionFactory;

    HibernateStateless(DataSource dataSource) {
        this.sessionFactory = HibernateSessions.open(dataSource);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        return sessionFactory.fromStatelessTransaction(session -> List.copyOf(session.createSelectionQuery(
                "from UserEntity u left join fetch u.posts order by u.id", UserEntity.class).getResultList()));
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
