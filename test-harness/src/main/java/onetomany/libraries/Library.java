package onetomany.libraries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import javax.sql.DataSource;

import onetomany.contract.UserPostRepository;

/**
 * One of the libraries compared, as a line of {@value #FILE} says: its key, its name, its board label, its module,
 * its repository, a class of its jar, its exercises. {@link #ALL} is that file, in its order; the comparison, the
 * benchmarks, the exercise tests and their board read it, and {@code ./exercise}, {@code exercise.cmd} and the
 * catch-up read the same file as text. Adding a library is a module and a line there.
 *
 * <p>The workshop teaches some of them: a line whose exercises column is {@value #NO_EXERCISES} is a library the
 * report and the benchmarks compare but the workshop does not teach (no exercises, no board column, no hints);
 * {@link #WORKSHOP} is the others, and every reader of the exercises (the board, the hints, the catch-up, the
 * exercise tests, {@code ./exercise}) reads that list, never {@link #ALL}.
 *
 * <p>Why class names, created by reflection: this module is below the three modules (they use it in test scope),
 * so it cannot name their classes; each reader that can (the comparison, the benchmarks, the exercise tests) has the
 * module on its classpath. A {@link java.util.ServiceLoader} would also work, but it needs a provider class and a
 * {@code META-INF/services} file in every module, its order is the classpath's, and a script cannot read it; here a
 * library is one line, which the scripts read too, and the reflection is one public constructor taking a
 * {@link DataSource}, which every repository and every exercise implementation has.
 */
public record Library(String key, String name, String label, String module, String repositoryClass,
                      String markerClass, String exercisesClass) {

    /** The registry, a resource of this jar (in the source tree: {@code test-harness/src/main/resources/}{@value}). */
    public static final String FILE = "onetomany/libraries/libraries.txt";

    /** The exercises column of a library the workshop does not teach. */
    public static final String NO_EXERCISES = "-";

    /** Every library, in the order every report shows them. */
    public static final List<Library> ALL = read();

    /** The libraries the workshop teaches (those with exercises), in the same order. */
    public static final List<Library> WORKSHOP = ALL.stream().filter(Library::teaches).toList();

    /** The library of that key ({@code jpa}, {@code mybatis}, {@code jdbi}, ...). */
    public static Library of(String key) {
        return ALL.stream().filter(library -> library.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no library " + key + " in " + FILE));
    }

    /** The library's repository over that DataSource (its module must be on the classpath). */
    public UserPostRepository repository(DataSource dataSource) {
        return create(repositoryClass, UserPostRepository.class, dataSource);
    }

    /** Whether the workshop teaches it: it has exercises (its exercises column is not {@value #NO_EXERCISES}). */
    public boolean teaches() {
        return !NO_EXERCISES.equals(exercisesClass);
    }

    /** The library's exercises over that DataSource (exercises/ or solutions/ must be on the classpath). */
    public <T> T exercises(DataSource dataSource, Class<T> type) {
        if (!teaches()) {
            throw new IllegalStateException(name + " has no exercises: the workshop does not teach it (" + FILE + ")");
        }
        return create(exercisesClass, type, dataSource);
    }

    /**
     * The library's version, read from its jar's manifest: {@code Implementation-Version}, or the OSGi
     * {@code Bundle-Version} of a jar that has only that (jOOQ's).
     */
    public String version() {
        Class<?> marker;
        try {
            marker = Class.forName(markerClass);
        } catch (ClassNotFoundException e) {
            return "unknown";
        }
        Package p = marker.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version != null ? version : bundleVersion(marker);
    }

    private static String bundleVersion(Class<?> marker) {
        try {
            CodeSource source = marker.getProtectionDomain().getCodeSource();
            if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
                return "unknown";
            }
            try (JarFile jar = new JarFile(Path.of(source.getLocation().toURI()).toFile())) {
                Manifest manifest = jar.getManifest();
                String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
                return version == null ? "unknown" : version;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private <T> T create(String className, Class<T> type, DataSource dataSource) {
        Class<?> created;
        try {
            created = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " (" + name + ") is not on the classpath: does this build"
                    + " depend on " + module + "?", e);
        }
        try {
            return type.cast(created.getConstructor(DataSource.class).newInstance(dataSource));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException("creating " + className + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " has no public constructor taking a DataSource", e);
        }
    }

    /** The lines of the registry that are libraries: not blank, not a {@code #} comment. */
    static List<Library> parse(List<String> lines) {
        List<Library> libraries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] c = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            if (c.length != 7 || Arrays.stream(c).anyMatch(String::isEmpty)) {
                throw new IllegalStateException(FILE + ": 7 columns separated by '|', none empty, expected: " + line);
            }
            if (!c[0].matches("[a-z][a-z0-9]*") || !keys.add(c[0])) {
                throw new IllegalStateException(FILE + ": a key is a lower-case word, once: " + line);
            }
            libraries.add(new Library(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
        }
        return List.copyOf(libraries);
    }

    private static List<Library> read() {
        try (InputStream in = Library.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
