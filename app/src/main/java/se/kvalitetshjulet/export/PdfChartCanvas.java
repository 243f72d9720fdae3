package se.kvalitetshjulet.export;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Draws a report chart as PDF vectors at ({@code left}, {@code top}) of a page (PDF y grows upwards). */
final class PdfChartCanvas implements ChartCanvas {
    private final PDPageContentStream cs;
    private final PDFont regular;
    private final PDFont bold;
    private final double left;
    private final double top;

    PdfChartCanvas(PDPageContentStream cs, PDFont regular, PDFont bold, double left, double top) {
        this.cs = cs;
        this.regular = regular;
        this.bold = bold;
        this.left = left;
        this.top = top;
    }

    private float x(double x) {
        return (float) (left + x);
    }

    private float y(double y) {
        return (float) (top - y);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color colour) {
        try {
            cs.setNonStrokingColor(colour);
            cs.addRect(x(x), y(y + h), (float) w, (float) h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color colour, double width, boolean dashed) {
        try {
            cs.setStrokingColor(colour);
            cs.setLineWidth((float) width);
            cs.setLineDashPattern(dashed ? new float[] {3, 2} : new float[0], 0);
            cs.moveTo(x(x1), y(y1));
            cs.lineTo(x(x2), y(y2));
            cs.stroke();
            cs.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void text(String s, double x, double y, double size, boolean strong, Align align, Color colour) {
        try {
            PDFont f = strong ? bold : regular;
            String t = RiskReportExporter.PdfLayout.encodable(f, s);
            double w = textWidth(t, size, strong);
            double l = switch (align) {
                case LEFT -> x;
                case CENTRE -> x - w / 2;
                case RIGHT -> x - w;
            };
            cs.setNonStrokingColor(colour);
            cs.beginText();
            cs.setFont(f, (float) size);
            cs.newLineAtOffset(x(l), y(y));
            cs.showText(t);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double textWidth(String s, double size, boolean strong) {
        PDFont f = strong ? bold : regular;
        try {
            return f.getStringWidth(RiskReportExporter.PdfLayout.encodable(f, s)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
