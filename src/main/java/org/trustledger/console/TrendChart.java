package org.trustledger.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's small trend chart, computed to the pixel here so the template only prints numbers: one stacked bar
 * per day (passing at the bottom, then stale, then failing), scaled to the largest covered count in the window. A day
 * without a stored snapshot is drawn as an empty grey slot and listed as "no data": nothing is interpolated.
 */
public final class TrendChart {

    public static final int DAYS = 30;
    static final int SLOT = 10;
    static final int BAR = 7;
    static final int PLOT_HEIGHT = 64;
    static final int TOP = 4;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** One day's figures; {@code data} false means no snapshot exists for it. */
    public record Point(LocalDate day, boolean data, int passing, int failing, int stale, int covered) {

        public static Point none(LocalDate day) {
            return new Point(day, false, 0, 0, 0, 0);
        }
    }

    /** A bar's rectangles in SVG user units (y grows downwards); heights of zero are left out by the template. */
    public record Bar(int x, int passY, int passH, int staleY, int staleH, int failY, int failH, boolean noData) {
    }

    public record Chart(int width, int height, int baseline, int plotTop, List<Bar> bars, List<Point> points, String description) {
    }

    private TrendChart() {
    }

    /** {@code points} oldest first, one per day of the window. */
    public static Chart of(String frameworkName, List<Point> points) {
        int max = 1;
        for (Point p : points) {
            max = Math.max(max, p.passing() + p.failing() + p.stale());
        }
        int baseline = TOP + PLOT_HEIGHT;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            int x = i * SLOT + (SLOT - BAR) / 2;
            if (!p.data()) {
                bars.add(new Bar(x, TOP, PLOT_HEIGHT, 0, 0, 0, 0, true));
                continue;
            }
            // Cumulative rounding, so the three parts always add up to the bar's total height.
            int passTop = baseline - scale(p.passing(), max);
            int staleTop = baseline - scale(p.passing() + p.stale(), max);
            int failTop = baseline - scale(p.passing() + p.stale() + p.failing(), max);
            bars.add(new Bar(x, passTop, baseline - passTop, staleTop, passTop - staleTop, failTop, staleTop - failTop, false));
        }
        return new Chart(points.size() * SLOT, baseline + 2, baseline, TOP, bars, points, describe(frameworkName, points));
    }

    private static int scale(int value, int max) {
        return Math.round((float) value * PLOT_HEIGHT / max);
    }

    static String describe(String name, List<Point> points) {
        List<Point> withData = points.stream().filter(Point::data).toList();
        StringBuilder s = new StringBuilder(name).append(": controls passing, stale and failing per day over the last ")
                .append(points.size()).append(" days. ");
        if (withData.isEmpty()) {
            return s.append("No data recorded yet.").toString();
        }
        Point first = withData.get(0);
        Point last = withData.get(withData.size() - 1);
        s.append(withData.size()).append(" of ").append(points.size()).append(" days have data");
        if (!first.day().equals(points.get(0).day())) {
            s.append(", none before ").append(SHORT.format(first.day()));
        }
        s.append(". ").append(SHORT.format(first.day())).append(": ").append(figures(first));
        if (last != first) {
            s.append("; ").append(SHORT.format(last.day())).append(": ").append(figures(last));
        }
        return s.append('.').toString();
    }

    private static String figures(Point p) {
        return p.passing() + " passing, " + p.stale() + " stale, " + p.failing() + " failing";
    }
}
