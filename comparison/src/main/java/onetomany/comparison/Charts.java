package onetomany.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's two kinds of chart, drawn as inline SVG with {@link Svg}: a line chart (statements versus
 * users) and a horizontal grouped bar chart (median times per operation).
 */
final class Charts {

    private static final String AXIS = "#444";
    private static final String GRID = "#e3e3e3";
    private static final String TEXT = "#222";

    private Charts() {
    }

    /**
     * One line of a line chart, or one colour of a bar chart; a line also has its stroke's width and dash array
     * (empty: solid) and the shape of its points ({@code circle}, {@code square}, {@code triangle},
     * {@code diamond}), so that two lines on the same values stay told apart.
     */
    record Series(String name, String color, List<Double> values, double width, String dash, String marker) {

        Series {
            values = List.copyOf(values);
        }

        Series(String name, String color, List<Double> values) {
            this(name, color, values, 2.5, "", "circle");
        }
    }

    /**
     * Lines over shared x values, on a linear x axis starting at 0 and a logarithmic y axis starting at 1 (ticks at
     * 1, 2, 5, 10, 20, 50, …): 1, 2 and 201 statements each have their own height, where on a linear axis the 1
     * and the 2 would lie on the floor under the 201. Values below 1 are drawn at 1. The legend, under the plot (a
     * row per line, the SVG taller by as much), lists each line's values.
     */
    record LineChart(String title, String xLabel, String yLabel, List<Integer> xs, List<Series> lines) {

        String render(int width, int height) {
            double left = 48, right = 18, top = 34, bottom = 42, legendRow = 16;
            double plotWidth = width - left - right;
            double plotHeight = height - top - bottom;
            double maxX = xs.stream().mapToInt(Integer::intValue).max().orElse(1);
            double maxY = lines.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                    .max().orElse(1);
            List<Double> ticks = logTicks(maxY);
            int fullHeight = (int) Math.ceil(height + lines.size() * legendRow + 4);
            double yTop = ticks.get(ticks.size() - 1);

            Svg svg = new Svg(width, fullHeight, title);
            svg.text(width / 2.0, 18, title, "middle", 14, TEXT);
            for (double y : ticks) {
                double py = logY(y, yTop, top, plotHeight);
                svg.line(left, py, left + plotWidth, py, GRID);
                svg.text(left - 6, py + 4, number(y), "end", 10, TEXT);
            }
            for (int x : xs) {
                double px = left + x / maxX * plotWidth;
                svg.line(px, top + plotHeight, px, top + plotHeight + 4, AXIS);
                svg.text(px, top + plotHeight + 15, String.valueOf(x), "middle", 10, TEXT);
            }
            svg.line(left, top, left, top + plotHeight, AXIS);
            svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, AXIS);
            svg.text(left + plotWidth / 2, height - 8, xLabel, "middle", 11, TEXT);
            svg.verticalText(13, top + plotHeight / 2, yLabel, 11, TEXT);

            for (int i = 0; i < lines.size(); i++) {
                Series line = lines.get(i);
                List<double[]> points = new ArrayList<>();
                for (int j = 0; j < xs.size(); j++) {
                    points.add(new double[] {left + xs.get(j) / maxX * plotWidth,
                            logY(line.values().get(j), yTop, top, plotHeight)});
                }
                svg.polyline(points, line.color(), line.width(), line.dash());
                for (int j = 0; j < points.size(); j++) {
                    svg.marker(line.marker(), points.get(j)[0], points.get(j)[1], 3.5, line.color(),
                            "%s, %s = %d: %s".formatted(line.name(), xLabel, xs.get(j),
                                    number(line.values().get(j))));
                }
                double legendY = height + 6 + i * legendRow;
                svg.line(left - 28, legendY - 4, left - 4, legendY - 4, line.color(), Math.min(line.width(), 3),
                        line.dash());
                svg.marker(line.marker(), left - 16, legendY - 4, 3.5, line.color(), line.name());
                svg.text(left + 2, legendY, line.name() + ": " + String.join(" · ",
                        line.values().stream().map(Charts::number).toList()), "start", 11, TEXT);
            }
            return svg.render();
        }
    }

    /**
     * Horizontal bars, one group per label and one bar per series in each group, on a linear axis from 0;
     * each bar carries its value as text.
     */
    record BarChart(String title, String unit, List<String> labels, List<Series> series) {

        String render(int width) {
            double left = 250, right = 80, top = 52, barHeight = 9, barGap = 2, groupGap = 12;
            double groupHeight = series.size() * (barHeight + barGap) - barGap;
            double plotHeight = labels.size() * (groupHeight + groupGap);
            int height = (int) Math.ceil(top + plotHeight + 34);
            double plotWidth = width - left - right;
            double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                    .max().orElse(1);
            double step = niceStep(max, 5);
            double xMax = Math.max(step, Math.ceil(max / step) * step);

            Svg svg = new Svg(width, height, title);
            svg.text(width / 2.0, 18, title, "middle", 14, TEXT);
            double legendX = left;
            for (Series s : series) {
                svg.rect(legendX, 30, 12, 12, s.color(), s.name());
                svg.text(legendX + 17, 40, s.name(), "start", 11, TEXT);
                legendX += 30 + s.name().length() * 7;
            }
            for (double x = 0; x <= xMax + step / 2; x += step) {
                double px = left + x / xMax * plotWidth;
                svg.line(px, top - 4, px, top + plotHeight, GRID);
                svg.text(px, top + plotHeight + 14, number(x), "middle", 10, TEXT);
            }
            svg.text(left + plotWidth / 2, top + plotHeight + 30, unit, "middle", 11, TEXT);
            svg.line(left, top - 4, left, top + plotHeight, AXIS);
            for (int g = 0; g < labels.size(); g++) {
                double groupTop = top + g * (groupHeight + groupGap);
                svg.text(left - 8, groupTop + groupHeight / 2 + 4, labels.get(g), "end", 11, TEXT);
                for (int s = 0; s < series.size(); s++) {
                    double value = series.get(s).values().get(g);
                    double y = groupTop + s * (barHeight + barGap);
                    double w = Math.max(1, value / xMax * plotWidth);
                    svg.rect(left, y, w, barHeight, series.get(s).color(),
                            "%s, %s: %s %s".formatted(labels.get(g), series.get(s).name(), number(value), unit));
                    svg.text(left + w + 4, y + barHeight - 1, number(value), "start", 9, TEXT);
                }
            }
            return svg.render();
        }
    }

    /** The ticks of a logarithmic axis from 1: 1, 2, 5, 10, 20, 50, …, up to the first at or above {@code max}. */
    static List<Double> logTicks(double max) {
        List<Double> ticks = new ArrayList<>(List.of(1.0));
        double[] steps = {2, 5, 10};
        for (double decade = 1; ticks.get(ticks.size() - 1) < max; decade *= 10) {
            for (double step : steps) {
                if (ticks.get(ticks.size() - 1) < max) {
                    ticks.add(step * decade);
                }
            }
        }
        if (ticks.size() == 1) {
            ticks.add(2.0);
        }
        return ticks;
    }

    /** The height of {@code value} on a logarithmic axis from 1 (at the bottom) to {@code yTop} (at the top). */
    static double logY(double value, double yTop, double top, double plotHeight) {
        double share = Math.log(Math.max(1, value)) / Math.log(yTop);
        return top + plotHeight - share * plotHeight;
    }

    /** A step of 1, 2 or 5 times a power of ten that divides {@code max} into about {@code ticks} parts. */
    static double niceStep(double max, int ticks) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** A number as short as it can be read: {@code 201}, {@code 0.25}, {@code 1.5}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        String text = String.format(Locale.ROOT, Math.abs(value) < 1 ? "%.3f" : "%.2f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
