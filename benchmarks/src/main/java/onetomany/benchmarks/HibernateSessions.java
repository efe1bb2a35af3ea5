package onetomany.benchmarks;

import javax.sql.DataSource;

import onetomany.jpa.model.PostEntity;
import onetomany.jpa.model.UserEntity;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/** A SessionFactory built exactly as {@code JpaUserPostRepository} builds its own, on module-jpa's entities. */
final class HibernateSessions {

    private HibernateSessions() {
    }

    static SessionFactory open(DataSource dataSource) {
        return new HibernatePersistenceConfiguration("one-to-many-benchmarks")
                .managedClasses(UserEntity.class, PostEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
    }
}
