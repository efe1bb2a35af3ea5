package onetomany.comparison;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import onetomany.comparison.ComparisonResult.Cell;
import onetomany.libraries.Library;
import onetomany.operations.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "fastest" mark: a cell is its operation's fastest only when its interquartile range lies entirely below
 * every other cell's; where the ranges overlap, no cell is marked, whatever the medians say.
 */
class FastestTest {

    @Test
    void a_cell_whose_range_lies_below_every_other_is_the_fastest() {
        Cell fast = cell(0, 100, 110);
        List<Cell> cells = List.of(cell(1, 200, 220), fast, cell(2, 150, 160));

        assertThat(ComparisonResult.fastest(cells)).containsSame(fast);
    }

    @Test
    void overlapping_ranges_mark_nothing_even_where_one_median_is_lower() {
        // Medians 105 and 111: the first is lower, but its third quartile is above the second's first.
        List<Cell> cells = List.of(cell(0, 100, 110), cell(1, 102, 120), cell(2, 300, 310));

        assertThat(cells.get(0).medianNanos()).isLessThan(cells.get(1).medianNanos());
        assertThat(ComparisonResult.fastest(cells)).isEmpty();
    }

    @Test
    void touching_ranges_and_a_single_cell_mark_nothing() {
        assertThat(ComparisonResult.fastest(List.of(cell(0, 100, 110), cell(1, 105, 115)))).isEmpty();
        assertThat(ComparisonResult.fastest(List.of(cell(0, 100, 110)))).isEmpty();
    }

    @Test
    void the_mark_follows_the_rule_in_every_rendering() {
        // One cell per library of the registry: the first fast, every other slower and overlapping each other.
        List<Cell> cells = IntStream.range(0, Library.ALL.size())
                .mapToObj(i -> i == 0 ? cell(0, 100, 110) : cell(i, 200 + i, 230 + i)).toList();
        ComparisonResult result = new ComparisonResult(null, null, null, true, List.of(), List.of(), cells,
                List.of());
        Cell fast = cells.get(0);
        Cell slow = cells.get(1);

        assertThat(result.fastest(Operation.FIND_USER_WITH_POSTS)).containsSame(fast);
        assertThat(Formats.timeCell(result, fast)).endsWith(" · 1.00× · fastest");
        assertThat(Formats.timeCell(result, slow)).doesNotContain("fastest");
        assertThat(Formats.timeCell(result, slow, Texts.RUSSIAN)).doesNotContain("быстрее всех");
        assertThat(Formats.timeCell(result, fast, Texts.RUSSIAN)).endsWith(" · быстрее всех");

        // The fast cell slowed down into the others' range: no mark anywhere.
        List<Cell> overlapping = new java.util.ArrayList<>(cells);
        overlapping.set(0, cell(0, 100, 250));
        ComparisonResult close = new ComparisonResult(null, null, null, true, List.of(), List.of(), overlapping,
                List.of());
        assertThat(close.fastest(Operation.FIND_USER_WITH_POSTS)).isEmpty();
        assertThat(overlapping).allSatisfy(cell -> assertThat(Formats.timeCell(close, cell)).doesNotContain("fastest"));
    }

    /**
     * A cell of library {@code library} (by its place in the registry) in
     * {@code findUserWithPosts}, measured 21 times evenly from {@code from} to {@code to} nanoseconds: its
     * quartiles are at a quarter and three quarters of the way.
     */
    private static Cell cell(int library, long from, long to) {
        long[] times = LongStream.rangeClosed(0, 20).map(i -> from + (to - from) * i / 20).toArray();
        return new Cell(Library.ALL.get(library % Library.ALL.size()), Operation.FIND_USER_WITH_POSTS,
                1, 1, true, 4, 1, new SteadyState.Timing(0, true, Samples.of(times)), List.of());
    }
}
