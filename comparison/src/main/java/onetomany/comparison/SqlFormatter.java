package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import onetomany.db.StatementLog;

/**
 * Lays out the one-line SQL that {@link StatementLog} records: each clause on its own line, a space after each
 * comma, nothing inside parentheses or quotes touched, a semicolon at the end; and a run of identical
 * statements (the N of N+1) shown once with how many times it was sent.
 */
final class SqlFormatter {

    /** Clauses that start a new line; longer first, so that {@code left join} wins over {@code join}. */
    private static final List<String> CLAUSES = List.of("left join", "inner join", "order by", "group by",
            "select", "from", "join", "where", "values", "set");

    /** Consecutive identical statements: the statement, laid out, and how many times it was sent in a row. */
    record Block(String sql, int times) {
    }

    private SqlFormatter() {
    }

    /** The statements in order, consecutive identical ones grouped. */
    static List<Block> blocks(List<StatementLog.Executed> executed) {
        List<Block> blocks = new ArrayList<>();
        for (StatementLog.Executed statement : executed) {
            String sql = String.join("\n", statement.sql().stream().map(s -> format(s) + ";").toList())
                    + (statement.batchSize() > 0 ? "\n-- as a batch of " + statement.batchSize() : "");
            int last = blocks.size() - 1;
            if (last >= 0 && blocks.get(last).sql().equals(sql)) {
                blocks.set(last, new Block(sql, blocks.get(last).times() + 1));
            } else {
                blocks.add(new Block(sql, 1));
            }
        }
        return blocks;
    }

    /** One statement, one clause per line. */
    static String format(String sql) {
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
