package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.trend.ChartKind;

/** Drawing without a screen: thinned labels, annotation markers, PNG/SVG of the asked size and resolution. */
class TrendChartFactoryTest {
    @TempDir
    Path dir;

    static ChartData months(int n, List<ChartData.Marker> markers) {
        List<ChartData.Point> pts = new ArrayList<>();
        YearMonth m = YearMonth.of(2023, 1);
        for (int i = 0; i < n; i++) {
            pts.add(new ChartData.Point(m.plusMonths(i).toString(), 100 + (i % 7), 103, Double.NaN, Double.NaN,
                    false, false, false, 1));
        }
        return new ChartData("Antal", "Hela organisationen", "Antal", ChartStyle.RUN, ChartType.RUN, pts, List.of(),
                false, ChartKind.TREND, null, null, markers);
    }

    private static ThinningCategoryAxis drawn(ChartData data, int width, int height, double scale) {
        JFreeChart chart = TrendChartFactory.create(data, scale);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        return (ThinningCategoryAxis) ((CategoryPlot) chart.getPlot()).getDomainAxis();
    }

    @Test
    void thirtySixMonthsInProjectorModeShowEveryKthLabelAndAWideImageShowsAll() {
        // The chart's share of a 1366 px projector screen beside the choices and explanations.
        ThinningCategoryAxis projector = drawn(months(36, List.of()), 760, 560, 1.5);
        assertThat(projector.lastStep()).isGreaterThan(1);
        ThinningCategoryAxis wide = drawn(months(36, List.of()), 3840, 2160, 1.0);
        assertThat(wide.lastStep()).isEqualTo(1);
        // Twelve horizontal labels fit at 1280 px, not at 760 px with projector-size type.
        assertThat(drawn(months(12, List.of()), 1280, 720, 1.0).lastStep()).isEqualTo(1);
        assertThat(drawn(months(12, List.of()), 760, 560, 1.5).lastStep()).isEqualTo(2);
    }

    @Test
    void anAnnotationIsALabelledVerticalLineAtItsPeriodAndItsTextIsInTheSvg() throws Exception {
        ChartData data = months(24, List.of(new ChartData.Marker(14, "Ny rutin införd")));
        CategoryPlot plot = (CategoryPlot) TrendChartFactory.create(data, 1.0).getPlot();
        var markers = plot.getDomainMarkers(Layer.FOREGROUND);
        assertThat(markers).hasSize(1);
        CategoryMarker m = (CategoryMarker) markers.iterator().next();
        assertThat(m.getKey()).isEqualTo("2024-03");
        assertThat(m.getLabel()).isEqualTo("Ny rutin införd");
        assertThat(m.getDrawAsLine()).isTrue();
        Path svg = dir.resolve("a.svg");
        TrendChartFactory.writeSvg(data, svg, 1280, 720);
        assertThat(Files.readString(svg)).contains("Ny rutin införd");
    }

    @Test
    void pngHasTheAskedSizeAndItsDpiInThePhysChunkAndSvgTheAskedSize() throws Exception {
        ChartData data = months(36, List.of());
        Path png = dir.resolve("c.png");
        TrendChartFactory.writePng(data, png, 3840, 2160, 300);
        assertThat(pngSizeAndDpi(png)).containsExactly(3840, 2160, 300);
        TrendChartFactory.writePng(data, png, 640, 480, 150);
        assertThat(pngSizeAndDpi(png)).containsExactly(640, 480, 150);
        Path svg = dir.resolve("c.svg");
        TrendChartFactory.writeSvg(data, svg, 1920, 1080);
        assertThat(svgSize(svg)).containsExactly(1920.0, 1080.0);
        // Text grows with the image: the title of a 4K export is about three times that of a 1280 px one.
        assertThat(TrendChartFactory.scaleFor(3840, 2160) / TrendChartFactory.scaleFor(1280, 720)).isEqualTo(3.0);
    }

    /** Width, height and dots per inch (from pHYs, pixels per metre) read back from a PNG file. */
    static int[] pngSizeAndDpi(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            long perMetre = Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis"));
            assertThat(phys.getAttribute("pixelsPerUnitYAxis")).isEqualTo(Long.toString(perMetre));
            int[] out = {reader.getWidth(0), reader.getHeight(0), (int) Math.round(perMetre * 0.0254)};
            reader.dispose();
            return out;
        }
    }

    /** The width and height attributes of the root svg element. */
    static double[] svgSize(Path svg) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(svg.toFile());
        var root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        return new double[] {Double.parseDouble(root.getAttribute("width")), Double.parseDouble(root.getAttribute("height"))};
    }
}
