package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.db.StatementLog;

/**
 * Lays out the one-line SQL that {@link StatementLog} records: each clause on its own line, a space after each
 * comma, nothing inside parentheses or quotes touched but a long {@code in (?, ?, …)} list, shortened to its first
 * parameter and its count ({@code in (?, … 500 parameters)}: Hibernate pads a batch fetch to its batch size), a
 * semicolon at the end; and a run of identical statements (the N of N+1) shown once with how many times it was
 * sent. Every annotation stands before its statement, one SQL comment worded as {@code -- sent …:}.
 */
final class SqlFormatter {

    /** Clauses that start a new line; longer first, so that {@code left join} wins over {@code join}. */
    private static final List<String> CLAUSES = List.of("left join", "inner join", "order by", "group by",
            "select", "from", "join", "where", "values", "set");

    /** A list of parameters in {@code in (...)} longer than this is shortened to its first one and its count. */
    static final int LONGEST_LIST = 5;

    /** {@code in (?, ?, ?)}: the keyword, then a parenthesis holding only parameters; group 1 is the list. */
    private static final Pattern PARAMETER_LIST = Pattern.compile(
            "(?i)(?<![\\w.])in\\s*\\((\\s*\\?(?:\\s*,\\s*\\?)*\\s*)\\)");

    /**
     * Consecutive identical statements: the statement, laid out, how many times it was sent in a row, and the
     * size of its JDBC batch (0 when it was not one: a batch is one execution carrying that many parameter sets).
     */
    record Block(String sql, int times, int batch) {

        Block(String sql, int times) {
            this(sql, times, 0);
        }
    }

    private SqlFormatter() {
    }

    /** The statements in order, consecutive identical ones grouped, long parameter lists counted in English. */
    static List<Block> blocks(List<StatementLog.Executed> executed) {
        return blocks(executed, Texts.ENGLISH);
    }

    /** The statements in order, consecutive identical ones grouped, long parameter lists counted in this language. */
    static List<Block> blocks(List<StatementLog.Executed> executed, Texts texts) {
        List<Block> blocks = new ArrayList<>();
        for (StatementLog.Executed statement : executed) {
            String sql = String.join("\n", statement.sql().stream().map(s -> format(s, texts) + ";").toList());
            int last = blocks.size() - 1;
            if (last >= 0 && blocks.get(last).sql().equals(sql) && blocks.get(last).batch() == statement.batchSize()) {
                blocks.set(last, new Block(sql, blocks.get(last).times() + 1, statement.batchSize()));
            } else {
                blocks.add(new Block(sql, 1, statement.batchSize()));
            }
        }
        return blocks;
    }

    /**
     * The comment that stands before a block, or empty for a statement sent once and not as a batch:
     * {@code -- sent 3 times:}, {@code -- sent as a batch of 2:}, {@code -- sent 2 times, each as a batch of 3:}.
     */
    static Optional<String> annotation(Block block, Texts texts) {
        if (block.batch() > 0) {
            return Optional.of(block.times() > 1 ? texts.format("sql.batches", block.times(), block.batch())
                    : texts.format("sql.batch", block.batch()));
        }
        return block.times() > 1 ? Optional.of(texts.count("sql.sent", block.times())) : Optional.empty();
    }

    /** A block as it is shown: its annotation, if any, on the line before its statement. */
    static List<String> lines(Block block, Texts texts) {
        List<String> lines = new ArrayList<>();
        annotation(block, texts).ifPresent(lines::add);
        lines.addAll(block.sql().lines().toList());
        return lines;
    }

    /** One statement, one clause per line, long parameter lists counted in English. */
    static String format(String sql) {
        return format(sql, Texts.ENGLISH);
    }

    /**
     * A parameter list of {@code in (...)} longer than {@link #LONGEST_LIST} as its first parameter and its count,
     * {@code in (?, … 500 parameters)}; a shorter one, and anything else, as it is.
     */
    static String shortenParameterLists(String sql, Texts texts) {
        Matcher matcher = PARAMETER_LIST.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int parameters = matcher.group(1).split(",", -1).length;
            String list = parameters > LONGEST_LIST ? "(?, … " + texts.count("sql.parameters", parameters) + ")"
                    : "(" + matcher.group(1) + ")";
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    sql.substring(matcher.start(), matcher.start(1) - 1) + list));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** One statement, one clause per line, long parameter lists counted in this language. */
    static String format(String unshortened, Texts texts) {
        String sql = shortenParameterLists(unshortened, texts);
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (!quoted && depth == 0) {
                String clause = clauseAt(sql, i);
                // "delete from" stays on one line
                if (clause != null && !(clause.equals("from") && out.toString().strip().equalsIgnoreCase("delete"))) {
                    if (!out.isEmpty()) {
                        trimTrailingSpaces(out);
                        out.append('\n');
                    }
                    out.append(sql, i, i + clause.length());
                    i += clause.length();
                    continue;
                }
                if (c == ',') {
                    out.append(", ");
                    i++;
                    while (i < sql.length() && sql.charAt(i) == ' ') {
                        i++;
                    }
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString().strip();
    }

    /** The clause keyword that starts at {@code i} as a whole word, or null. */
    private static String clauseAt(String sql, int i) {
        if (i > 0 && (isWordChar(sql.charAt(i - 1)) || sql.charAt(i - 1) == '.')) {
            return null;
        }
        String rest = sql.substring(i, Math.min(sql.length(), i + 12)).toLowerCase(Locale.ROOT);
        for (String clause : CLAUSES) {
            int end = i + clause.length();
            if (rest.startsWith(clause) && (end == sql.length() || !isWordChar(sql.charAt(end)))) {
                return clause;
            }
        }
        return null;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
