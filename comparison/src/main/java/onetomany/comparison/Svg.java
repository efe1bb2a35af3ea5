package onetomany.comparison;

import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG writer for the report's charts: a canvas of fixed size and a few shapes, every attribute and
 * text escaped, colours given inline so that the SVG reads the same outside the page.
 */
final class Svg {

    private final int width;
    private final int height;
    private final String title;
    private final StringBuilder shapes = new StringBuilder();

    Svg(int width, int height, String title) {
        this.width = width;
        this.height = height;
        this.title = title;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        return shape("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>",
                n(x1), n(y1), n(x2), n(y2), escape(stroke));
    }

    /** A line of that width, dashed by {@code dash} (an SVG dash array, or empty for a solid line). */
    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        return shape("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
                n(x1), n(y1), n(x2), n(y2), escape(stroke), n(strokeWidth),
                dash.isEmpty() ? "" : " stroke-dasharray=\"" + escape(dash) + "\"");
    }

    /** A polyline through the points ({@code {x, y}} pairs); {@code dash} is an SVG dash array or empty. */
    Svg polyline(List<double[]> points, String stroke, double strokeWidth, String dash) {
        String coordinates = String.join(" ", points.stream().map(p -> n(p[0]) + "," + n(p[1])).toList());
        return shape("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
                coordinates, escape(stroke), n(strokeWidth),
                dash.isEmpty() ? "" : " stroke-dasharray=\"" + escape(dash) + "\"");
    }

    /** A dot with a tooltip. */
    Svg circle(double x, double y, double r, String fill, String tooltip) {
        return shape("<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"><title>%s</title></circle>",
                n(x), n(y), n(r), escape(fill), escape(tooltip));
    }

    /**
     * A point of a line, with a tooltip, in one of four shapes of about the same size: {@code circle},
     * {@code square}, {@code triangle}, {@code diamond} (anything else is a circle).
     */
    Svg marker(String shape, double x, double y, double r, String fill, String tooltip) {
        return switch (shape) {
            case "square" -> rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, fill, tooltip);
            case "triangle" -> polygon(fill, tooltip, x, y - r * 1.2, x + r * 1.1, y + r * 0.8, x - r * 1.1,
                    y + r * 0.8);
            case "diamond" -> polygon(fill, tooltip, x, y - r * 1.3, x + r * 1.1, y, x, y + r * 1.3, x - r * 1.1, y);
            default -> circle(x, y, r, fill, tooltip);
        };
    }

    /** A filled polygon through the points ({@code x, y} pairs), with a tooltip. */
    Svg polygon(String fill, String tooltip, double... xy) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        return shape("<polygon points=\"%s\" fill=\"%s\"><title>%s</title></polygon>", points, escape(fill),
                escape(tooltip));
    }

    /** A rectangle with a tooltip. */
    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        return shape("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s</title></rect>",
                n(x), n(y), n(w), n(h), escape(fill), escape(tooltip));
    }

    /** Text; {@code anchor} is {@code start}, {@code middle} or {@code end}. */
    Svg text(double x, double y, String text, String anchor, int size, String fill) {
        return shape("<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>",
                n(x), n(y), escape(anchor), size, escape(fill), escape(text));
    }

    /** Text turned a quarter to the left, for a vertical axis label. */
    Svg verticalText(double x, double y, String text, int size, String fill) {
        return shape("<text transform=\"translate(%s %s) rotate(-90)\" text-anchor=\"middle\" font-size=\"%d\" "
                        + "fill=\"%s\">%s</text>", n(x), n(y), size, escape(fill), escape(text));
    }

    /** The whole {@code <svg>} element, sized in pixels, scaling down with its container. */
    String render() {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" font-family=\"system-ui, sans-serif\" style=\"max-width:100%%;height:auto\">"
                + "<title>%s</title>\n%s</svg>").formatted(width, height, width, height, escape(title), shapes);
    }

    private Svg shape(String template, Object... values) {
        shapes.append(template.formatted(values)).append('\n');
        return this;
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for XML and HTML: content and attribute values alike. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
