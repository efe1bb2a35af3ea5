package onetomany.comparison;

import java.util.List;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up and measurement rule on synthetic timings: each call "takes" the next time of a list, and the clock
 * the budgets are counted on advances by it (plus a fixed cost around each call), so the rule's decisions are
 * exact and nothing here depends on the machine.
 */
class SteadyStateTest {

    /** Windows of 10, 3 compared, 5%; 10 ms to 1 s of warm-up; 20 to 200 measured, ± 3%, 1 s. */
    private static final SteadyState.Rule RULE = new SteadyState.Rule(10, 3, 0.05, 0, 10_000_000L, 1_000_000_000L, 20,
            200, 0.03, 1_000_000_000L);

    /** Calls whose times come from a function of the call's index; the clock is their sum plus {@code overhead}. */
    private static final class Synthetic {
        private final java.util.function.IntToLongFunction time;
        private final long overhead;
        private long clock;
        private int calls;

        Synthetic(java.util.function.IntToLongFunction time, long overhead) {
            this.time = time;
            this.overhead = overhead;
        }

        LongSupplier call() {
            return () -> {
                long t = time.applyAsLong(calls++);
                clock += t + overhead;
                return t;
            };
        }

        LongSupplier clock() {
            return () -> clock;
        }
    }

    @Test
    void a_cell_that_speeds_up_then_settles_is_steady_three_windows_after_it_settles() {
        // From 1 ms down by 15 µs a call for 50 calls (compilation under way), then 250 µs for ever.
        Synthetic cell = new Synthetic(i -> i < 50 ? 1_000_000 - i * 15_000L : 250_000, 0);

        SteadyState.Timing timing = SteadyState.time(RULE, cell.call(), cell.clock());

        // Window medians 932.5, 782.5, 632.5, 482.5, 332.5 µs, then 250, 250, 250: the last three agree after 80.
        assertThat(timing.steady()).isTrue();
        assertThat(timing.warmupCalls()).isEqualTo(80);
        // Every measured call is 250 µs: the interval is 0 wide, so the minimum of 20 is enough.
        assertThat(timing.measured().count()).isEqualTo(20);
        assertThat(timing.measured().median()).isEqualTo(250_000);
        assertThat(timing.calls()).isEqualTo(100);
    }

    @Test
    void a_plateau_shorter_than_the_least_warm_up_is_not_taken_for_the_steady_state() {
        // 100 µs calls: three agreeing windows come after 3 ms, but the warm-up lasts 10 ms at least.
        Synthetic cell = new Synthetic(i -> 100_000, 0);

        SteadyState.Timing timing = SteadyState.time(RULE, cell.call(), cell.clock());

        assertThat(timing.steady()).isTrue();
        assertThat(timing.warmupCalls()).isEqualTo(100);
    }

    @Test
    void window_medians_ignore_one_slow_call_in_each_window() {
        // 100 µs, with a 50 ms pause (a GC) in every tenth call: the medians do not move, the mean would.
        Synthetic cell = new Synthetic(i -> i % 10 == 3 ? 50_000_000 : 100_000, 0);

        SteadyState.Timing timing = SteadyState.time(RULE, cell.call(), cell.clock());

        assertThat(timing.steady()).isTrue();
        assertThat(timing.warmupCalls()).isEqualTo(30);
        assertThat(timing.measured().median()).isEqualTo(100_000);
    }

    @Test
    void a_cell_that_never_settles_stops_at_its_warm_up_budget_and_is_marked_not_steady() {
        // Window medians alternate between 1 ms and 2 ms: a variation of about 35% for ever.
        Synthetic cell = new Synthetic(i -> (i / 10) % 2 == 0 ? 1_000_000 : 2_000_000, 0);

        SteadyState.Timing timing = SteadyState.time(RULE, cell.call(), cell.clock());

        assertThat(timing.steady()).isFalse();
        // The budget is looked at after every call: 33 pairs of windows (30 ms each) are 990 ms, and 10 calls of
        // 1 ms more reach the 1 s.
        assertThat(cell.clock().getAsLong()).isGreaterThanOrEqualTo(RULE.warmupBudgetNanos());
        assertThat(timing.warmupCalls()).isEqualTo(670);
        assertThat(timing.measured().count()).isBetween(RULE.minMeasured(), RULE.maxMeasured());
    }

    @Test
    void the_budget_counts_the_wall_time_around_the_calls_too() {
        // 100 µs calls that each need 9.9 ms of (untimed) preparation: 10 ms of wall time per call.
        Synthetic cell = new Synthetic(i -> (i / 10) % 2 == 0 ? 100_000 : 200_000, 9_900_000);

        SteadyState.Timing timing = SteadyState.time(RULE, cell.call(), cell.clock());

        assertThat(timing.steady()).isFalse();
        assertThat(timing.warmupCalls()).isEqualTo(100); // 1 s / 10 ms
    }

    @Test
    void measurement_goes_on_while_the_median_is_uncertain_and_stops_at_the_most_calls() {
        // Settled at once (every window's median the same), then times spread evenly from 1 to 2 ms: the
        // median's interval stays wide, so it measures up to the cap of 200 calls.
        Synthetic cell = new Synthetic(i -> i < 30 ? 1_000_000 : 1_000_000 + (i * 7919L % 1000) * 1_000, 0);

        SteadyState.Timing timing = SteadyState.time(RULE, cell.call(), cell.clock());

        assertThat(timing.steady()).isTrue();
        assertThat(timing.warmupCalls()).isEqualTo(30);
        assertThat(timing.measured().count()).isEqualTo(200);
        assertThat(timing.measured().relativeHalfWidth95()).isGreaterThan(RULE.targetHalfWidth());
    }

    @Test
    void measurement_stops_at_its_budget_after_the_minimum() {
        SteadyState.Rule tight = new SteadyState.Rule(10, 3, 0.05, 0, 10_000_000L, 1_000_000_000L, 20, 200, 0.03,
                50_000_000L);
        Synthetic cell = new Synthetic(i -> i < 30 ? 1_000_000 : 1_000_000 + (i * 7919L % 1000) * 1_000, 0);

        SteadyState.Timing timing = SteadyState.time(tight, cell.call(), cell.clock());

        // 20 calls of 1-2 ms are already over 20 ms; the budget of 50 ms ends it after about 33 calls.
        assertThat(timing.measured().count()).isBetween(25, 40);
    }

    @Test
    void cells_timed_together_take_turns_a_call_each_and_spend_their_own_budgets() {
        List<String> order = new java.util.ArrayList<>();
        long[] clock = {0};
        LongSupplier fast = () -> {
            order.add("fast");
            clock[0] += 100_000;
            return 100_000;
        };
        LongSupplier slow = () -> {
            order.add("slow");
            clock[0] += 1_000_000;
            return 1_000_000;
        };

        List<SteadyState.Timing> timings = SteadyState.together(RULE, List.of(fast, slow), () -> clock[0]);

        // Both steady after 10 ms of their own calls: the fast one after 100 calls, the slow one after 30 (3
        // windows, 30 ms); then 20 measured calls each (every call the same: the interval is 0 wide).
        assertThat(timings.get(0).warmupCalls()).isEqualTo(100);
        assertThat(timings.get(1).warmupCalls()).isEqualTo(30);
        assertThat(timings).allSatisfy(timing -> {
            assertThat(timing.steady()).isTrue();
            assertThat(timing.measured().count()).isEqualTo(20);
        });
        assertThat(timings.get(1).measured().median() / timings.get(0).measured().median()).isEqualTo(10.0);
        // Turns: a call of the fast cell, then a call of the slow one, while both run (the slow one is done after
        // 50 calls); then the fast one alone.
        for (int i = 0; i < 100; i += 2) {
            assertThat(order.subList(i, i + 2)).containsExactly("fast", "slow");
        }
        assertThat(order.subList(100, order.size())).containsOnly("fast").hasSize(70);
    }

    @Test
    void what_a_cell_that_settled_early_leaves_goes_to_a_cell_that_has_not() {
        long[] clock = {0};
        LongSupplier settled = () -> {
            clock[0] += 100_000;
            return 100_000;
        };
        // Window medians alternating between 1 ms and 2 ms: it never settles.
        int[] calls = {0};
        LongSupplier restless = () -> {
            long t = (calls[0]++ / 10) % 2 == 0 ? 1_000_000 : 2_000_000;
            clock[0] += t;
            return t;
        };

        List<SteadyState.Timing> timings = SteadyState.together(RULE, List.of(settled, restless), () -> clock[0]);

        // The settled cell warmed up for 10 ms of its 1 s; the restless one warms on past its own 1 s, until the
        // two have spent their 2 s together: 1,320 calls of 1 and 2 ms (1,980 ms), then 10 of 1 ms more.
        assertThat(timings.get(0).steady()).isTrue();
        assertThat(timings.get(0).warmupCalls()).isEqualTo(100);
        assertThat(timings.get(1).steady()).isFalse();
        assertThat(timings.get(1).warmupCalls()).isEqualTo(1330);
    }

    @Test
    void steadiness_is_the_variation_of_the_last_window_medians_only() {
        assertThat(SteadyState.isSteady(List.of(5.0, 1.0, 1.0), RULE)).isFalse();
        assertThat(SteadyState.isSteady(List.of(9.0, 5.0, 1.0, 1.0, 1.02), RULE)).isTrue();
        assertThat(SteadyState.isSteady(List.of(1.0, 1.0), RULE)).isFalse(); // fewer than three windows
        assertThat(SteadyState.isSteady(List.of(1.0, 1.0, 1.2), RULE)).isFalse(); // CV 11%
    }

    @Test
    void the_rule_says_in_words_what_it_does() {
        assertThat(SteadyState.Rule.DEFAULT.describe()).contains("windows of 10 calls", "last 3 windows",
                "at most 5%", "coefficient of variation", "95% confidence interval");
    }
}
