package se.kvalitetshjulet.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Renders a report chart to a high-resolution PNG (for Word), through Java 2D; works headless. The PNG is written by
 * {@link PngWriter} (decision 0045).
 */
final class ChartImages {
    /** Pixels per point: 4 gives about 290 dpi at the chart's printed size. */
    static final int SCALE = 4;

    private ChartImages() {
    }

    static byte[] png(ReportDocument.ChartSpec spec) throws IOException {
        BufferedImage img = new BufferedImage((int) (ChartPainter.WIDTH * SCALE), (int) (ChartPainter.HEIGHT * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(SCALE, SCALE);
            ChartPainter.paint(spec, new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        return PngWriter.png(img);
    }

    private record Java2dCanvas(Graphics2D g) implements ChartCanvas {
        @Override
        public void fillRect(double x, double y, double w, double h, Color colour) {
            g.setColor(colour);
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color colour, double width, boolean dashed) {
            g.setColor(colour);
            g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {3, 2}, 0) : new BasicStroke((float) width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        private Font font(double size, boolean bold) {
            return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        }

        @Override
        public void text(String s, double x, double y, double size, boolean bold, Align align, Color colour) {
            g.setFont(font(size, bold));
            g.setColor(colour);
            double w = textWidth(s, size, bold);
            double left = switch (align) {
                case LEFT -> x;
                case CENTRE -> x - w / 2;
                case RIGHT -> x - w;
            };
            g.drawString(s, (float) left, (float) y);
        }

        @Override
        public double textWidth(String s, double size, boolean bold) {
            return g.getFontMetrics(font(size, bold)).getStringBounds(s, g).getWidth();
        }
    }
}
