package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import onetomany.comparison.Charts.LineChart;
import onetomany.comparison.Charts.Series;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The statements-versus-users chart tells 1, 2 and N + 1 apart: a logarithmic axis, and lines that never merge. */
class ChartsTest {

    @Test
    void the_logarithmic_axis_ticks_at_1_2_5_times_a_power_of_ten_up_to_the_largest_value() {
        assertThat(Charts.logTicks(201)).containsExactly(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0);
        assertThat(Charts.logTicks(2)).containsExactly(1.0, 2.0);
        assertThat(Charts.logTicks(1)).containsExactly(1.0, 2.0);
        assertThat(Charts.logTicks(11)).containsExactly(1.0, 2.0, 5.0, 10.0, 20.0);
    }

    @Test
    void one_two_and_two_hundred_and_one_statements_are_drawn_far_apart() {
        List<Integer> users = List.of(1, 10, 50, 100, 200);
        LineChart chart = new LineChart("Jdbi", "users (N)", "statements", users, List.of(
                new Series("JOINED", "#111111", List.of(1.0, 1.0, 1.0, 1.0, 1.0), 2.5, "", "circle"),
                new Series("SUBQUERY", "#222222", List.of(2.0, 2.0, 2.0, 2.0, 2.0), 2.5, "3 3", "triangle"),
                new Series("NAIVE", "#333333", List.of(2.0, 11.0, 51.0, 101.0, 201.0), 2.5, "7 3", "diamond")));
        String svg = chart.render(370, 290);

        List<Double> joined = heights(svg, "#111111");
        List<Double> subquery = heights(svg, "#222222");
        List<Double> naive = heights(svg, "#333333");
        // The plot is 214 px high from 1 to 500: 1 and 2 statements are more than 20 px apart, as are 2 and 11.
        assertThat(joined.get(0) - subquery.get(0)).isGreaterThan(20);
        assertThat(subquery.get(1) - naive.get(1)).isGreaterThan(20);
        assertThat(naive.get(4)).isLessThan(subquery.get(4) - 150);
        // Each line in its own dash.
        assertThat(svg).contains("stroke-dasharray=\"3 3\"", "stroke-dasharray=\"7 3\"", "<polygon ");
    }

    /** The heights of a line's points: the y of each vertex of the polyline of that colour. */
    private static List<Double> heights(String svg, String color) {
        Matcher line = Pattern.compile("<polyline points=\"([^\"]+)\" fill=\"none\" stroke=\"" + color + "\"")
                .matcher(svg);
        assertThat(line.find()).as("a line in " + color).isTrue();
        List<Double> ys = new ArrayList<>();
        for (String point : line.group(1).split(" ")) {
            ys.add(Double.parseDouble(point.split(",")[1]));
        }
        return ys;
    }
}
