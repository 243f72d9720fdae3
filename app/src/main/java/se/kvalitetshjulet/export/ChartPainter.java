package se.kvalitetshjulet.export;

import java.awt.Color;
import java.util.List;

import se.kvalitetshjulet.service.report.ReportModel;

/**
 * Draws the report charts (grouped bars per verksamhetsområde and year; monthly control charts) on any
 * {@link ChartCanvas}, so the PDF gets vectors and the Word file a sharp bitmap from the same drawing.
 */
final class ChartPainter {
    static final double WIDTH = 480;
    static final double HEIGHT = 250;
    private static final Color[] SERIES = {new Color(0xB4C7E7), new Color(0x5B9BD5), new Color(0x1F3864),
            new Color(0x70AD47), new Color(0xED7D31)};
    private static final Color GRID = new Color(0xD9D9D9);
    private static final Color TEXT = new Color(0x262626);
    private static final Color SIGNAL = new Color(0xC00000);

    private ChartPainter() {
    }

    static void paint(ReportDocument.ChartSpec spec, ChartCanvas c) {
        c.fillRect(0, 0, WIDTH, HEIGHT, Color.WHITE);
        switch (spec) {
            case ReportDocument.Bars b -> bars(b, c);
            case ReportDocument.Line l -> line(l, c);
        }
    }

    private record Plot(double left, double top, double right, double bottom, double max) {
        double y(double v) {
            return bottom - (max <= 0 ? 0 : v / max * (bottom - top));
        }
    }

    /** A "nice" axis maximum and step (1, 2 or 5 × 10^n) for values up to {@code max}. */
    static double[] axis(double max) {
        if (!(max > 0)) {
            return new double[] {1, 1};
        }
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        step = Math.max(step, 1);
        return new double[] {Math.ceil(max / step) * step, step};
    }

    private static Plot frame(ChartCanvas c, String title, double max, double bottomSpace) {
        c.text(title, 0, 14, 11, true, ChartCanvas.Align.LEFT, TEXT);
        double[] ax = axis(max);
        Plot p = new Plot(40, 30, WIDTH - 8, HEIGHT - bottomSpace, ax[0]);
        for (double v = 0; v <= ax[0] + 1e-9; v += ax[1]) {
            double y = p.y(v);
            c.line(p.left(), y, p.right(), y, GRID, 0.5, false);
            c.text(ReportDocument.number(v, 0), p.left() - 4, y + 3, 7, false, ChartCanvas.Align.RIGHT, TEXT);
        }
        c.line(p.left(), p.bottom(), p.right(), p.bottom(), TEXT, 0.8, false);
        return p;
    }

    private static void bars(ReportDocument.Bars b, ChartCanvas c) {
        double max = 0;
        for (double[] s : b.values()) {
            for (double v : s) {
                max = Math.max(max, v);
            }
        }
        Plot p = frame(c, b.title(), max, 62);
        int groups = b.categories().size();
        int series = b.series().size();
        double groupW = (p.right() - p.left()) / Math.max(1, groups);
        double barW = groupW * 0.8 / Math.max(1, series);
        for (int g = 0; g < groups; g++) {
            double x0 = p.left() + g * groupW + groupW * 0.1;
            for (int s = 0; s < series; s++) {
                double v = b.values()[s][g];
                double y = p.y(v);
                c.fillRect(x0 + s * barW, y, barW * 0.92, p.bottom() - y, SERIES[s % SERIES.length]);
                if (barW >= 12) {
                    c.text(ReportDocument.number(v, 0), x0 + s * barW + barW * 0.46, y - 2, 6.5, false,
                            ChartCanvas.Align.CENTRE, TEXT);
                }
            }
            wrapLabel(c, b.categories().get(g), x0 + groupW * 0.4, p.bottom() + 10, groupW - 4);
        }
        legend(c, b.series(), HEIGHT - 10);
    }

    private static void wrapLabel(ChartCanvas c, String label, double cx, double y, double maxW) {
        StringBuilder line = new StringBuilder();
        int lines = 0;
        for (String word : label.split(" ")) {
            String cand = line.isEmpty() ? word : line + " " + word;
            if (c.textWidth(cand, 7, false) > maxW && !line.isEmpty()) {
                c.text(line.toString(), cx, y + lines * 8.5, 7, false, ChartCanvas.Align.CENTRE, TEXT);
                lines++;
                line.setLength(0);
                line.append(word);
                if (lines == 3) {
                    return;
                }
            } else {
                line.setLength(0);
                line.append(cand);
            }
        }
        c.text(line.toString(), cx, y + lines * 8.5, 7, false, ChartCanvas.Align.CENTRE, TEXT);
    }

    private static void legend(ChartCanvas c, List<String> names, double y) {
        double x = 40;
        for (int i = 0; i < names.size(); i++) {
            c.fillRect(x, y - 7, 8, 8, SERIES[i % SERIES.length]);
            c.text(names.get(i), x + 11, y, 7.5, false, ChartCanvas.Align.LEFT, TEXT);
            x += 18 + c.textWidth(names.get(i), 7.5, false) + 10;
        }
    }

    private static void line(ReportDocument.Line l, ChartCanvas c) {
        ReportModel.TrendSeries t = l.series();
        int n = t.values().length;
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, t.values()[i]);
            if (!Double.isNaN(t.upper()[i])) {
                max = Math.max(max, t.upper()[i]);
            }
        }
        Plot p = frame(c, l.title(), max, 40);
        double dx = (p.right() - p.left()) / Math.max(1, n - 1);
        if (t.firstInPeriod() > 0 && t.firstInPeriod() < n) {
            double x = p.left() + (t.firstInPeriod() - 0.5) * dx;
            c.fillRect(x, p.top(), p.right() - x, p.bottom() - p.top(), new Color(0xF2F2F2));
        }
        for (int i = 1; i < n; i++) {
            double x1 = p.left() + (i - 1) * dx;
            double x2 = p.left() + i * dx;
            c.line(x1, p.y(t.centre()[i - 1]), x2, p.y(t.centre()[i]), new Color(0x404040), 0.8, false);
            if (!Double.isNaN(t.upper()[i]) && !Double.isNaN(t.upper()[i - 1])) {
                c.line(x1, p.y(t.upper()[i - 1]), x2, p.y(t.upper()[i]), new Color(0x7F7F7F), 0.6, true);
            }
            if (!Double.isNaN(t.lower()[i]) && !Double.isNaN(t.lower()[i - 1])) {
                c.line(x1, p.y(Math.max(0, t.lower()[i - 1])), x2, p.y(Math.max(0, t.lower()[i])), new Color(0x7F7F7F),
                        0.6, true);
            }
            c.line(x1, p.y(t.values()[i - 1]), x2, p.y(t.values()[i]), new Color(0x1F3864), 1.2, false);
        }
        for (int i = 0; i < n; i++) {
            double x = p.left() + i * dx;
            double y = p.y(t.values()[i]);
            c.fillRect(x - 2, y - 2, 4, 4, t.signal()[i] ? SIGNAL : new Color(0x1F3864));
            if (n <= 12 || i % 3 == 0 || i == n - 1) {
                c.text(t.labels().get(i), x, p.bottom() + 10, 6, false, ChartCanvas.Align.CENTRE, TEXT);
            }
        }
    }
}
