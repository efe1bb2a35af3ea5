package onetomany.jooq;

import onetomany.libraries.Library;
import org.jooq.Constants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jOOQ in the registry: compared, not taught, and its version read from its jar, whose manifest has only the OSGi
 * {@code Bundle-Version} (no {@code Implementation-Version}).
 */
class JooqLibraryTest {

    @Test
    void the_registry_builds_this_repository_reads_jooqs_version_and_gives_it_no_exercises() {
        Library jooq = Library.of("jooq");

        assertThat(jooq.repository(null)).isInstanceOf(JooqUserPostRepository.class);
        assertThat(jooq.version()).isEqualTo(Constants.VERSION);
        assertThat(jooq.teaches()).isFalse();
        assertThat(Library.WORKSHOP).doesNotContain(jooq);
    }
}
