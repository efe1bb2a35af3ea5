package onetomany.exercises.jpa;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.EntityManagerFactory;
import onetomany.contract.User;
import onetomany.exercises.Ex6PageOfUsersContract;
import onetomany.exercises.contract.Exercises;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;

/**
 * Exercise 6, run against JpaExercises: the registry's exercises of the library this class is tagged with.
 *
 * <p>Hibernate keeps a plan per query text, and a plan made without a limit is reused with one: a fetch join of a
 * collection then comes back whole, neither limited in SQL nor in memory (HibernateClaimsTest). So the page is asked
 * once more on a new SessionFactory where each of the page's own query texts (read from Hibernate's statistics) first
 * ran without a limit: whatever the text, a page that rests on {@code setMaxResults} over a fetch join fails.
 */
@Tag("jpa")
class JpaEx6Test extends Ex6PageOfUsersContract {

    @Override
    protected void pageAfterItsQueryTextsRanWithoutALimit(int page, int size, Consumer<List<User>> check) {
        List<String> texts;
        try (Exercises probe = createExercises(database.dataSource())) {
            Statistics statistics = sessionFactoryOf(probe).getStatistics();
            statistics.setStatisticsEnabled(true);
            probe.findPageOfUsersWithPosts(page, size);
            texts = List.of(statistics.getQueries());
        }
        try (Exercises fresh = createExercises(database.dataSource())) {
            SessionFactory sessions = sessionFactoryOf(fresh);
            for (String text : texts) {
                sessions.inTransaction(session -> {
                    SelectionQuery<Object> query;
                    try {
                        query = session.createSelectionQuery(text, Object.class);
                    } catch (IllegalArgumentException notHql) {
                        return; // native SQL: no plan of Hibernate's own
                    }
                    if (query.getParameterMetadata().getParameters().isEmpty()) {
                        query.getResultList(); // a text with parameters cannot run as it is: another caller binds them
                    }
                });
            }
            statements.reset();
            check.accept(fresh.findPageOfUsersWithPosts(page, size));
        }
    }

    /** The SessionFactory the exercises built: the one field that holds an EntityManagerFactory. */
    private static SessionFactory sessionFactoryOf(Exercises exercises) {
        for (Class<?> c = exercises.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (EntityManagerFactory.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    try {
                        return ((EntityManagerFactory) field.get(exercises)).unwrap(SessionFactory.class);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalStateException(exercises.getClass().getName() + " holds no EntityManagerFactory in a field:"
                + " keep the SessionFactory the constructor builds in a field, as the starting code does");
    }
}
