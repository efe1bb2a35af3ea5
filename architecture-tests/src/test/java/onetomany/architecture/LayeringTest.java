package onetomany.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import onetomany.libraries.Library;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering of the modules, kept by the build. A module's packages are the folders of its sources (every module
 * the parent pom lists); its classes are those compiled into its {@code target/classes}, read with ArchUnit. The
 * rules hold for main code: a module's tests may use what its test scope holds.
 *
 * <ol>
 * <li>{@code common-schema} (the contract, the error translation, the unit of work's helpers) depends on no other
 *     module: every library compiles against it alone.</li>
 * <li>No library module reaches another (the libraries are the registry's, {@code libraries.txt}).</li>
 * <li>The report ({@code comparison}) and the benchmarks reach a library only through the registry
 *     ({@link Library#repository}): they name no class of a library module, but for the benchmarks' own forms of a
 *     library, declared in {@link #LIBRARY_FORMS}.</li>
 * <li>No package is defined in two modules, but for the exercises' two copies, declared in {@link #MIRRORS}.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayeringTest {

    /** Surefire runs in {@code architecture-tests/}: the repository is its parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * The benchmarks that measure a library's own alternative forms (a stateless session, a plain session, tuples,
     * Jdbi's row reducers by column index or label, jOOQ's whole {@code Result} and its {@code multiset}, Spring Data
     * JDBC's repository and its single query loading), on that library module's mapped classes (or, for
     * {@code multiset}, its repository's extra read; for Spring Data JDBC, its configuration too): each class, and the
     * packages of a library module it may use. Nothing else of a library module is theirs to name.
     */
    private static final Map<String, Set<String>> LIBRARY_FORMS = Map.of(
            "onetomany.benchmarks.HibernateSessions", Set.of("onetomany.jpa.model"),
            "onetomany.benchmarks.HibernateStateless", Set.of("onetomany.jpa.model"),
            "onetomany.benchmarks.HibernatePlainSession", Set.of("onetomany.jpa.model"),
            "onetomany.benchmarks.JdbiByIndex", Set.of("onetomany.jdbi.model"),
            "onetomany.benchmarks.JdbiLabelPerRow", Set.of("onetomany.jdbi.model"),
            "onetomany.benchmarks.JooqResult", Set.of("onetomany.jooq.model"),
            "onetomany.benchmarks.JooqMultiset", Set.of("onetomany.jooq"),
            "onetomany.benchmarks.SpringDataJdbcRepository",
            Set.of("onetomany.springdatajdbc", "onetomany.springdatajdbc.model"),
            "onetomany.benchmarks.SpringDataJdbcSingleQuery",
            Set.of("onetomany.springdatajdbc", "onetomany.springdatajdbc.model"));

    /**
     * Modules that hold the same packages on purpose: {@code exercises/src} and {@code solutions/src} are the same
     * files, one solved, and a build puts one or the other on the exercise tests' class path, never both. The
     * exercise tests sit in the packages of the code they check.
     */
    private static final List<Set<String>> MIRRORS = List.of(Set.of("exercises", "solutions"),
            Set.of("exercises", "exercise-kit/tests"), Set.of("solutions", "exercise-kit/tests"));

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Map<String, Set<String>> mainPackages;
    private Map<String, Set<String>> testPackages;
    private JavaClasses classes;

    @BeforeAll
    void scan() {
        mainPackages = new TreeMap<>();
        testPackages = new TreeMap<>();
        List<Path> compiled = new ArrayList<>();
        for (String module : modules()) {
            mainPackages.put(module, packagesUnder(ROOT.resolve(module).resolve("src/main/java")));
            testPackages.put(module, packagesUnder(ROOT.resolve(module).resolve("src/test/java")));
            Path classesFolder = ROOT.resolve(module).resolve("target/classes");
            if (!mainPackages.get(module).isEmpty()) {
                assertThat(classesFolder).as("%s compiled (run the build from the root: ./mvnw test)", module)
                        .isDirectory();
                compiled.add(classesFolder);
            }
        }
        classes = new ClassFileImporter().importPaths(compiled);
    }

    @Test
    void common_schema_depends_on_no_other_module() {
        ArchRule rule = noClasses().that().resideInAnyPackage(packages("common-schema"))
                .should().dependOnClassesThat().resideInAnyPackage(packagesOfModulesBut("common-schema"))
                .because("the libraries compile against common-schema alone");
        rule.check(classes);
    }

    @Test
    void no_library_module_reaches_another() {
        for (Library library : Library.ALL) {
            List<String> others = Library.ALL.stream().filter(other -> other != library)
                    .flatMap(other -> packagesOf(other.module()).stream()).toList();
            ArchRule rule = noClasses().that().resideInAnyPackage(packages(library.module()))
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .because("each library is written on its own, against the contract");
            rule.check(classes);
        }
    }

    @Test
    void the_report_and_the_benchmarks_reach_the_libraries_only_through_the_registry() {
        String[] libraries = Library.ALL.stream().flatMap(l -> packagesOf(l.module()).stream())
                .toArray(String[]::new);
        String[] users = Stream.of("comparison", "benchmarks").flatMap(m -> packagesOf(m).stream())
                .map(p -> p + "..").toArray(String[]::new);
        String forms = LIBRARY_FORMS.keySet().stream().map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).map(names -> "(" + names + ")(\\$.*)?").orElseThrow();
        noClasses().that().resideInAnyPackage(users).and().haveNameNotMatching(forms)
                .should().dependOnClassesThat().resideInAnyPackage(libraries)
                .because("the registry (libraries.txt) builds each library's repository by reflection")
                .check(classes);
        LIBRARY_FORMS.forEach((form, allowed) -> noClasses()
                .that().haveNameMatching(Pattern.quote(form) + "(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage(Stream.of(libraries)
                        .filter(p -> !allowed.contains(p)).toArray(String[]::new))
                .because("a benchmark of a library's own form uses that library's mapped classes, nothing else")
                .allowEmptyShould(false)
                .check(classes));
    }

    @Test
    void no_package_is_defined_in_two_modules() {
        List<String> twice = new ArrayList<>();
        Map<String, Set<String>> owners = new TreeMap<>();
        mainPackages.forEach((module, packages) -> packages.forEach(
                p -> owners.computeIfAbsent(p, k -> new TreeSet<>()).add(module)));
        owners.forEach((p, modules) -> {
            if (modules.size() > 1 && !mirrored(modules)) {
                twice.add(p + " in the main code of " + modules);
            }
        });
        testPackages.forEach((module, packages) -> packages.forEach(p -> {
            Set<String> mainOwners = owners.getOrDefault(p, Set.of());
            for (String owner : mainOwners) {
                if (!owner.equals(module) && !mirrored(Set.of(owner, module))) {
                    twice.add(p + " in the tests of " + module + " and the main code of " + owner);
                }
            }
        }));
        assertThat(twice).as("packages defined in two modules").isEmpty();
        assertThat(owners).as("packages found").containsKeys("onetomany.contract", "onetomany.db", "onetomany.suites");
    }

    private static boolean mirrored(Set<String> modules) {
        return MIRRORS.stream().anyMatch(mirror -> mirror.containsAll(modules));
    }

    private String[] packages(String module) {
        return packagesOf(module).toArray(String[]::new);
    }

    private Set<String> packagesOf(String module) {
        Set<String> packages = mainPackages.get(module);
        assertThat(packages).as("the packages of module %s", module).isNotNull().isNotEmpty();
        return packages;
    }

    /** The packages of every other module (a package this module defines too is the other rule's business). */
    private String[] packagesOfModulesBut(String module) {
        Set<String> own = packagesOf(module);
        return mainPackages.entrySet().stream().filter(e -> !e.getKey().equals(module))
                .flatMap(e -> e.getValue().stream()).filter(p -> !own.contains(p)).distinct().toArray(String[]::new);
    }

    /** The modules of the parent pom, as folders relative to the root. */
    private static List<String> modules() {
        Matcher module = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        return modules;
    }

    /** Every package with a source file under {@code folder}, by its folder. */
    private static Set<String> packagesUnder(Path folder) {
        Set<String> packages = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            return packages;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> folder.relativize(f.getParent()).toString()
                            .replace(f.getFileSystem().getSeparator(), "."))
                    .forEach(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
