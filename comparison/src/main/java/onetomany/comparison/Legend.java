package onetomany.comparison;

import java.util.List;

import onetomany.comparison.ComparisonResult.Environment;

/**
 * The words every rendering of the report shares: what a cell means, and how far its times can be trusted, in the
 * report's language ({@link Texts}).
 */
final class Legend {

    private Legend() {
    }

    /** How the steady-state times were taken, with the machine that measured them. */
    static String times(ComparisonRunner.Settings settings, Environment environment, Texts texts) {
        return texts.format("legend.times", settings.rule().describe(texts), environment.os(), environment.cores(),
                environment.database());
    }

    /** The tables the calls run on. */
    static String scenario(ComparisonRunner.Settings settings, Texts texts) {
        return texts.format("legend.scenario", settings.users(), settings.postsPerUser(), settings.postsPerUser(),
                settings.users(), settings.rule().window());
    }

    /** Where the reference for speed is: the JMH benchmarks, and why. */
    static String jmh(Texts texts) {
        return texts.text("legend.jmh");
    }

    /** The environment of a report as label and value pairs: the first run's, with every run's database and load. */
    static List<String[]> environment(Report report, Texts texts) {
        List<ComparisonResult> results = report.results();
        Environment first = results.get(0).environment();
        String databases = String.join("; ", results.stream().map(r -> r.environment().database()).toList());
        String load = report.single() ? load(first, texts) : String.join("; ", results.stream()
                .map(r -> r.kind().displayName() + ": " + load(r.environment(), texts)).toList());
        return pairs(first, databases, load, texts);
    }

    /** The environment as label and value pairs. */
    static List<String[]> environment(Environment environment, Texts texts) {
        return pairs(environment, environment.database(), load(environment, texts), texts);
    }

    private static List<String[]> pairs(Environment environment, String database, String load, Texts texts) {
        return List.of(
                new String[] {texts.text("env.jdk"), environment.jdk()},
                new String[] {texts.text("env.os"), texts.format("env.cores", environment.os(), environment.cores())},
                new String[] {texts.text("env.database"), database},
                new String[] {texts.text("env.libraries"), String.join(", ", environment.libraries())},
                new String[] {texts.text("env.load"), load});
    }

    /** The 1-minute load average at the start and at the end of the run. */
    private static String load(Environment environment, Texts texts) {
        return texts.format("env.loadValue", environment.loadAtStart(), environment.loadAtEnd());
    }
}
