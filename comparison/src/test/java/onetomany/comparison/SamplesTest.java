package onetomany.comparison;


import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The order statistics of the report, on numbers whose answers are known (NumPy's {@code percentile} gives them). */
class SamplesTest {

    @Test
    void quantiles_interpolate_between_the_nearest_ranks_as_numpy_does() {
        Samples four = Samples.of(4, 1, 3, 2);
        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) == [1.75, 2.5, 3.25]
        assertThat(four.q1()).isEqualTo(1.75);
        assertThat(four.median()).isEqualTo(2.5);
        assertThat(four.q3()).isEqualTo(3.25);
        assertThat(four.iqr()).isEqualTo(1.5);
        assertThat(four.percentile(0)).isEqualTo(1);
        assertThat(four.percentile(1)).isEqualTo(4);

        Samples skewed = Samples.of(10, 11, 12, 13, 1000);
        // numpy.percentile([10, 11, 12, 13, 1000], [25, 50, 75, 90]) == [11, 12, 13, 605.2]
        assertThat(skewed.median()).isEqualTo(12);
        assertThat(skewed.q1()).isEqualTo(11);
        assertThat(skewed.q3()).isEqualTo(13);
        assertThat(skewed.percentile(0.9)).isCloseTo(605.2, within(1e-9));
        assertThat(Samples.of(7).median()).isEqualTo(7);
    }

    @Test
    void the_samples_are_copied_and_sorted_and_an_empty_set_or_a_quantile_out_of_range_is_refused() {
        long[] times = {3, 1, 2};
        Samples samples = new Samples(times);
        times[0] = 100;
        assertThat(samples.sorted()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> Samples.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> samples.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_median_interval_takes_the_order_statistics_of_the_binomial_ranks() {
        long[] hundred = new long[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = i + 1; // the value is its rank
        }
        // n = 100: ranks 50 - 9.8 = 40.2 -> 40 and 1 + 50 + 9.8 = 60.8 -> 61, the textbook interval [40, 61].
        assertThat(Samples.of(hundred).medianInterval95()).containsExactly(40, 61);
        // n = 10: ranks 5 - 3.1 = 1.9 -> 1 and 1 + 5 + 3.1 = 9.1 -> 10: with so few calls, all of them.
        assertThat(Samples.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).medianInterval95()).containsExactly(1, 10);
        assertThat(Samples.of(100, 100, 100, 100, 100).relativeHalfWidth95()).isZero();
        // [40, 61] around a median of 50.5: half of 21, over 50.5.
        assertThat(Samples.of(hundred).relativeHalfWidth95()).isCloseTo(10.5 / 50.5, within(1e-9));
    }

    @Test
    void the_coefficient_of_variation_is_the_sample_deviation_over_the_mean() {
        assertThat(Samples.coefficientOfVariation(5, 5, 5)).isZero();
        // mean 2, sample standard deviation 1
        assertThat(Samples.coefficientOfVariation(1, 2, 3)).isCloseTo(0.5, within(1e-12));
        assertThat(Samples.coefficientOfVariation(100, 104)).isCloseTo(Math.sqrt(8) / 102, within(1e-12));
        assertThatThrownBy(() -> Samples.coefficientOfVariation(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
