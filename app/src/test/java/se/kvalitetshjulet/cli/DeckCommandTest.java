package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.service.ChartTexts;

/**
 * {@code deck export}: a council's mötesbilder as PowerPoint and as a PDF handout, read back — one slide per chart
 * with its title, the verdict on the slide, a 300-dpi picture and the full signal text in the notes; the handout's
 * pages carry the titles and verdicts; the charts are the ones the chart builder makes for the screen.
 */
class DeckCommandTest {
    private static final String SOLBACKEN = "Solbackens vård- och omsorgsboende";

    @TempDir
    static Path dir;
    static Path db;
    /** Solbacken's deck as the screen's chart builder computes it (Swedish). */
    static List<ChartData> expected;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void demo() {
        db = dir.resolve("deck.db");
        assertThat(run("demo", "--db", db.toString()).code()).isZero();
        try (AppContext ctx = new AppContext(Database.open(db), Clock.systemDefaultZone())) {
            Long unit = ctx.units().findAll().stream().filter(u -> u.name().equals(SOLBACKEN)).findFirst()
                    .orElseThrow().id();
            expected = ctx.chartBuilder(ChartTexts.forLocale(Locale.of("sv"))).deck(unit, null);
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
    }

    private static String text(XSLFSlide slide) {
        StringBuilder sb = new StringBuilder();
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFTextShape t) {
                sb.append(t.getText()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void powerPointHasOneSlidePerChartWithTitleVerdictPictureAndTheSignalTextInTheNotes() throws Exception {
        Path out = dir.resolve("solbacken.pptx");
        Run r = run("deck", "export", "--council", SOLBACKEN, "--out", out.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Kvalitetsråd " + SOLBACKEN, expected.size() + " diagram");
        try (InputStream in = Files.newInputStream(out); XMLSlideShow ppt = new XMLSlideShow(in)) {
            List<XSLFSlide> slides = ppt.getSlides();
            // A cover, then one chart per slide in the deck's order.
            assertThat(slides).hasSize(expected.size() + 1);
            assertThat(text(slides.getFirst())).contains("Kvalitetsråd " + SOLBACKEN);
            assertThat(ppt.getPageSize().getWidth() / ppt.getPageSize().getHeight()).isCloseTo(16 / 9.0,
                    org.assertj.core.data.Offset.offset(0.01));
            boolean sawConcern = false;
            for (int i = 0; i < expected.size(); i++) {
                ChartData c = expected.get(i);
                XSLFSlide slide = slides.get(i + 1);
                String onSlide = text(slide);
                assertThat(onSlide).as("slide %d", i + 1).contains(c.title());
                if (c.spc() != null && c.spc().verdict() != null) {
                    assertThat(onSlide).contains(c.spc().variation().glyph() + " " + c.spc().verdict());
                    sawConcern |= c.spc().variation().concern();
                }
                List<XSLFPictureShape> pictures = slide.getShapes().stream()
                        .filter(XSLFPictureShape.class::isInstance).map(XSLFPictureShape.class::cast).toList();
                assertThat(pictures).hasSize(1);
                XSLFPictureShape pic = pictures.getFirst();
                java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(
                        new java.io.ByteArrayInputStream(pic.getPictureData().getData()));
                double dpi = img.getWidth() / (pic.getAnchor().getWidth() / 72.0);
                assertThat(dpi).as("picture resolution").isGreaterThanOrEqualTo(299);
                XSLFNotes notes = slide.getNotes();
                assertThat(notes).isNotNull();
                String noteText = java.util.Arrays.stream(notes.getPlaceholders()).filter(p -> p.getTextType() == Placeholder.BODY)
                        .map(XSLFTextShape::getText).findFirst().orElse("");
                for (String e : c.explanations()) {
                    assertThat(noteText).as("notes of slide %d", i + 1).contains(e);
                }
            }
            // The demo's fall shift on Avdelning Linden is in Solbacken's deck and reads as a deterioration.
            assertThat(sawConcern).isTrue();
        }
    }

    @Test
    void handoutPdfHasEveryTitleAndVerdictOnOneOrTwoChartsPerPage() throws Exception {
        Path out = dir.resolve("solbacken.pdf");
        Run r = run("deck", "export", "--council", SOLBACKEN, "--out", out.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isBetween((expected.size() + 1) / 2, expected.size());
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            for (ChartData c : expected) {
                assertThat(text).contains(c.title().replaceAll("\\s+", " "));
                if (c.spc() != null && c.spc().verdict() != null) {
                    assertThat(text).contains(c.spc().verdict().replaceAll("\\s+", " "));
                }
            }
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }

    @Test
    void withoutCouncilTheDefaultDeckAndBadInputIsAUsageErrorThatWritesNothing() throws Exception {
        Path out = dir.resolve("standard.pptx");
        Run r = run("deck", "export", "--out", out.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Standardbilder");
        try (InputStream in = Files.newInputStream(out); XMLSlideShow ppt = new XMLSlideShow(in)) {
            List<String> titles = new ArrayList<>();
            for (XSLFSlide s : ppt.getSlides()) {
                titles.add(text(s));
            }
            assertThat(String.join("", titles)).contains("Riskmatris: risker före och efter åtgärder");
        }

        Path wrong = dir.resolve("deck.docx");
        Run bad = run("deck", "export", "--out", wrong.toString(), "--db", db.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains(".pptx", ".pdf");
        assertThat(wrong).doesNotExist();

        Path none = dir.resolve("none.pptx");
        Run unknown = run("deck", "export", "--council", "Finns inte", "--out", none.toString(), "--db", db.toString());
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Finns inte");
        assertThat(none).doesNotExist();
    }
}
