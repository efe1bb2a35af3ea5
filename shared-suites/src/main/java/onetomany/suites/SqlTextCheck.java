package onetomany.suites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A build check that user input never reaches SQL text: it reads a module's sources and lists every place where
 * SQL is built from something other than literal text. Values must travel as bound parameters ({@code ?},
 * {@code #{...}}, {@code :name}).
 *
 * <ul>
 *   <li>MyBatis XML: any {@code ${...}}, which MyBatis pastes into the SQL text as it is.</li>
 *   <li>Java: a string literal holding SQL joined with {@code +} to something that is not a literal, or SQL text
 *       passed through {@code formatted(...)} or {@code String.format(...)}.</li>
 * </ul>
 */
public final class SqlTextCheck {

    private static final String SQL_WORD =
            "(?i:\\b(?:select|insert|update|delete|from|where|values|set|and|or|in|like|order by)\\b)";
    /** A one-line or text-block literal with an SQL word in it. */
    private static final String SQL_LITERAL = "(?:\"\"\"(?:(?!\"\"\")[\\s\\S])*?" + SQL_WORD
            + "(?:(?!\"\"\")[\\s\\S])*?\"\"\""
            + "|\"(?:[^\"\\\\\\n]|\\\\.)*?" + SQL_WORD + "(?:[^\"\\\\\\n]|\\\\.)*\")";
    private static final Pattern LITERAL_PLUS_VALUE = Pattern.compile(SQL_LITERAL + "\\s*\\+\\s*+(?!\")");
    private static final Pattern VALUE_PLUS_LITERAL = Pattern.compile("[\\w)\\]]\\s*\\+\\s*" + SQL_LITERAL);
    private static final Pattern FORMATTED = Pattern.compile(SQL_LITERAL + "\\s*\\.formatted\\(");
    private static final Pattern STRING_FORMAT = Pattern.compile("String\\.format\\(\\s*" + SQL_LITERAL);
    private static final Pattern MYBATIS_TEXT_SUBSTITUTION = Pattern.compile("\\$\\{");

    private SqlTextCheck() {
    }

    /** Every offending place under {@code root} as {@code file:line: what}; empty when there is none. */
    public static List<String> findSqlBuiltFromValues(Path root) {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".java")) {
                    findings.addAll(checkJava(file.toString(), Files.readString(file)));
                } else if (name.endsWith(".xml")) {
                    findings.addAll(checkMyBatisXml(file.toString(), Files.readString(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    static List<String> checkJava(String file, String source) {
        List<String> findings = new ArrayList<>();
        find(findings, file, source, LITERAL_PLUS_VALUE, "SQL text joined with a value");
        find(findings, file, source, VALUE_PLUS_LITERAL, "a value joined into SQL text");
        find(findings, file, source, FORMATTED, "SQL text filled in with formatted(...)");
        find(findings, file, source, STRING_FORMAT, "SQL text filled in with String.format(...)");
        return findings;
    }

    static List<String> checkMyBatisXml(String file, String source) {
        List<String> findings = new ArrayList<>();
        find(findings, file, source, MYBATIS_TEXT_SUBSTITUTION, "${...} pastes a value into the SQL text");
        return findings;
    }

    private static void find(List<String> findings, String file, String source, Pattern pattern, String what) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            int line = 1 + (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            findings.add(file + ":" + line + ": " + what);
        }
    }
}
