package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.contract.LoadStrategy;

/** The report as Markdown ({@code comparison.md}): the same content as the page, with tables instead of charts. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(ComparisonResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# One-to-many in Hibernate ORM, MyBatis and Jdbi: the comparison\n\n");
        md.append("Written by `./mvnw -q -pl comparison -am compile exec:java`; the same report with charts is "
                + "`comparison.html`.\n\n");

        md.append("## Environment\n\n");
        Legend.environment(result.environment()).forEach(pair -> md.append("- **").append(pair[0]).append("**: ")
                .append(pair[1]).append('\n'));

        md.append("\n## The seed script\n\nAlice with \"First Post\" and \"Second Post\", saved by saving Alice "
                + "alone, then her posts' titles from the saved object and read back.\n\n");
        md.append("| Library | Statements (save + walk + read back) | Titles read back |\n|---|---|---|\n");
        for (SeedScript.Run run : result.seedScript()) {
            md.append("| ").append(run.library().name()).append(" | ").append(run.statementsPerStep()).append(" | ")
                    .append(run.titlesReadBack() ? String.join(", ", SeedScript.EXPECTED_TITLES) : "✗ no")
                    .append(" |\n");
        }

        md.append("\n## Every operation\n\n").append(Legend.scenario(result.settings())).append(' ')
                .append(Legend.CELL).append("\n\n");
        md.append("| Operation |");
        Library.ALL.forEach(library -> md.append(' ').append(library.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(Library.ALL.size())).append('\n');
        for (Operation operation : Operation.values()) {
            md.append("| `").append(operation.title()).append("` |");
            result.row(operation).forEach(cell -> md.append(' ').append(Formats.cell(cell)).append(" |"));
            md.append('\n');
        }
        md.append("\n- ").append(Legend.STATEMENTS).append("\n- ").append(Legend.ROWS).append("\n- ")
                .append(Legend.times(result.settings(), result.environment())).append('\n');

        md.append("\n## Statements versus users\n\n`findAllUsersWithPosts` on N users with ")
                .append(result.settings().postsPerUser()).append(" posts each.\n\n| Library | Strategy |");
        result.settings().seriesUsers().forEach(n -> md.append(" N = ").append(n).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(result.settings().seriesUsers().size())).append('\n');
        for (Library library : Library.ALL) {
            for (LoadStrategy strategy : ComparisonRunner.STRATEGIES) {
                md.append("| ").append(library.name()).append(" | `").append(strategy).append("` |");
                result.seriesOf(library, strategy).forEach(count -> md.append(' ').append(count).append(" |"));
                md.append('\n');
            }
        }

        md.append("\n## The SQL, per operation\n");
        for (Operation operation : Operation.values()) {
            md.append("\n### `").append(operation.title()).append("`: ").append(operation.description())
                    .append("\n");
            for (Cell cell : result.row(operation)) {
                md.append("\n**").append(cell.library().name()).append("**: ")
                        .append(Formats.statements(cell.statements())).append("\n\n```sql\n")
                        .append(String.join("\n", sqlLines(cell))).append("\n```\n");
            }
        }
        return md.toString();
    }

    private static List<String> sqlLines(Cell cell) {
        List<String> lines = new ArrayList<>();
        for (SqlFormatter.Block block : SqlFormatter.blocks(cell.sql())) {
            if (block.times() > 1) {
                lines.add("-- sent " + block.times() + " times:");
            }
            lines.add(block.sql());
        }
        return lines;
    }
}
