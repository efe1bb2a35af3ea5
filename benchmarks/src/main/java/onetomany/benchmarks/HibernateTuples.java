package onetomany.benchmarks;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import onetomany.contract.User;
import org.hibernate.SessionFactory;

/**
 * A read model instead of entities: the same join written in HQL as a projection of five columns, read through a
 * {@code StatelessSession} and folded into plain objects ({@link PlainUser}, {@link PlainPost}). Hibernate then
 * builds no entity, no proxy, no collection wrapper, and manages nothing. The price: the result is not an entity
 * graph (no dirty checking, no cascade, no lazy loading), and the read model is a second set of classes to keep in
 * step with the mapping. A change of programming model for a graph, so it stays an alternative here; a read that
 * needs no graph is module-jpa's own projection, {@code findPostSummaries} ({@code select new}).
 */
final class HibernateTuples implements Tuned.Reader {

    private final SessionFactory sessionFactory;

    HibernateTuples(DataSource dataSource) {
        this.sessionFactory = HibernateSessions.open(dataSource);
    }

    @Override
    public List<? extends User> usersWithPosts() {
        return sessionFactory.fromStatelessTransaction(session -> {
            List<PlainUser> users = new ArrayList<>();
            PlainUser user = null;
            for (Object[] row : session.createSelectionQuery("""
                            select u.id, u.name, p.id, p.title, p.content
                            from UserEntity u left join u.posts p
                            order by u.id, p.id""", Object[].class).getResultList()) {
                long userId = (Long) row[0];
                if (user == null || user.getId() != userId) {
                    user = new PlainUser(userId, (String) row[1]);
                    users.add(user);
                }
                if (row[2] != null) {
                    user.addPost(new PlainPost((Long) row[2], (String) row[3], (String) row[4]));
                }
            }
            return users;
        });
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
