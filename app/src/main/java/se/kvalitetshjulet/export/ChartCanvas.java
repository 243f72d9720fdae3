package se.kvalitetshjulet.export;

import java.awt.Color;

/**
 * Where a report chart is drawn: a bitmap (DOCX, via Java 2D) or a PDF page as vectors. Coordinates are points with
 * the origin at the chart's top left corner.
 */
interface ChartCanvas {
    enum Align { LEFT, CENTRE, RIGHT }

    void fillRect(double x, double y, double w, double h, Color colour);

    void line(double x1, double y1, double x2, double y2, Color colour, double width, boolean dashed);

    void text(String s, double x, double y, double size, boolean bold, Align align, Color colour);

    double textWidth(String s, double size, boolean bold);
}
