package se.kvalitetshjulet.ui.trend;

import static se.kvalitetshjulet.ui.trend.TrendChartFactory.*;
import static se.kvalitetshjulet.ui.trend.ChartLook.*;
import static se.kvalitetshjulet.ui.trend.SpcPlot.*;
import static se.kvalitetshjulet.ui.trend.RiskMatrixChart.*;

import se.kvalitetshjulet.domain.trend.ChartData;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.trend.ChartKind;

/** A chart written as an image of an exact size (PNG with its resolution, SVG) or as the numbers behind it (CSV). */
final class ChartFiles {
    private ChartFiles() {
    }

    /** The chart drawn into an image of exactly this size, text scaled with it. */
    public static BufferedImage render(ChartData data, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            create(data, scaleFor(width, height)).draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the chart as PNG of this size, with its resolution (dots per inch) in the pHYs chunk. */
    public static void writePng(ChartData data, Path target, int width, int height, int dpi) {
        writePng(render(data, width, height), target, dpi);
    }

    static void writePng(BufferedImage img, Path target, int dpi) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Bilden kunde inte sparas: " + target, e);
        } finally {
            writer.dispose();
        }
    }

    /** Writes the chart as SVG (vector, for reports and web pages) of the given size, text scaled with it. */
    public static void writeSvg(ChartData data, Path target, int width, int height) {
        org.jfree.svg.SVGGraphics2D g2 = new org.jfree.svg.SVGGraphics2D(width, height);
        create(data, scaleFor(width, height)).draw(g2, new Rectangle2D.Double(0, 0, width, height));
        try {
            Files.writeString(target, g2.getSVGDocument(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Bilden kunde inte sparas: " + target, e);
        }
    }

    /**
     * The chart's numbers as CSV (UTF-8 with BOM, semicolons): period, value, centre line, limits, signal; for a
     * risk matrix one row per cell (probability, consequence, score, band, risks before and after measures).
     */
    public static void writeCsv(ChartData data, Path target) {
        try (java.io.Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            var csv = new org.apache.commons.csv.CSVPrinter(w, org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                    .setDelimiter(';').setRecordSeparator("\r\n").get());
            if (data.kind() == ChartKind.RISK_MATRIX && data.matrix() != null) {
                MatrixCounts counts = data.matrix();
                RiskMatrix m = counts.matrix();
                csv.printRecord("Sannolikhet", "Konsekvens", "Riskpoäng", "Riskområde", "Före åtgärder", "Efter åtgärder");
                for (int p = m.size(); p >= 1; p--) {
                    for (int c = 1; c <= m.size(); c++) {
                        int score = m.score(p, c);
                        csv.printRecord(p + " " + m.probability(p).label(), c + " " + m.consequence(c).label(), score,
                                m.band(score).label(), counts.count(false, p, c), counts.count(true, p, c));
                    }
                }
            } else if (data.kind() != null && (data.kind().pareto() || data.kind() == ChartKind.ACTIONS)) {
                csv.printRecord("Grupp", data.valueName(), data.secondName());
                for (ChartData.Point p : data.points()) {
                    csv.printRecord(p.label(), num(p.value()), num(p.second()));
                }
            } else {
                csv.printRecord("Period", "Värde", "Centrallinje", "Nedre gräns", "Övre gräns", "Utanför gränserna",
                        "Seriesignal", "Del");
                for (ChartData.Point p : data.points()) {
                    csv.printRecord(p.label(), num(p.value()), num(p.centre()), num(p.lower()), num(p.upper()),
                            p.outside() ? "ja" : "nej", p.inRunsSignal() ? "ja" : "nej", p.part());
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Filen kunde inte sparas: " + target, e);
        }
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.of("sv"), "%.4f", v);
    }

    static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
