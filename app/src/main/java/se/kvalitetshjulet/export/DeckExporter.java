package se.kvalitetshjulet.export;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.Variation;

/**
 * Mötesbilder som fil: a quality council's deck as a PowerPoint file and as a PDF handout, so that members who were
 * not at the meeting and the board see the same charts, with the same numbers, as the room did.
 *
 * <p>PowerPoint (16:9): a cover slide, then one chart per slide — the slide title, the verdict line ("▼ Försämring
 * …") in its colour, the chart as a 300-dpi PNG drawn at the projector scale of presentation mode (every chart text at
 * least 2.8 % of the slide height), and the chart's full signal text in the speaker notes. PDF (A4): one or two charts
 * per page, each with its title, verdict, chart and signal text.
 *
 * <p>The chart itself is drawn by the chart screen's drawing ({@link Renderer}), so a slide is the picture the
 * screen shows; the title and verdict are left out of the picture because the slide and the page print them.
 */
public final class DeckExporter {
    /** Draws a chart into an image of exactly this size at this text scale (the chart screen's drawing). */
    @FunctionalInterface
    public interface Renderer {
        BufferedImage render(ChartData chart, int width, int height, double scale);
    }

    /** A deck to export: whose it is ("Kvalitetsråd Solbacken"), the day its numbers are from, and its charts. */
    public record Deck(String name, LocalDate date, List<ChartData> charts) {
        public Deck {
            charts = List.copyOf(charts);
        }
    }

    /** Dots per inch of the chart pictures. */
    static final int DPI = 300;
    /** The slide (points): 16:9, as a projector shows it. */
    static final double SLIDE_W = 960;
    static final double SLIDE_H = 540;
    /** Presentation mode's rule, applied to the slide: the smallest chart text 2.8 % of the height (decision 14). */
    static final double MIN_TEXT_SHARE = 0.028;
    /** The chart screen's smallest text at scale 1 (tick labels), in points. */
    static final double SMALLEST = 11;
    /** Slide texts (points): title over 5 % and the verdict and footer over 2.8 % of the slide height. */
    static final double TITLE_PT = 32;
    static final double VERDICT_PT = 20;
    static final double FOOTER_PT = 16;
    /** The handout's smallest chart text on paper, in points. */
    static final double HANDOUT_SMALLEST_PT = 7.5;

    private static final Color TEXT = new Color(0x26, 0x26, 0x26);
    private static final Color MUTED = new Color(0x59, 0x59, 0x59);

    private final ResourceBundle bundle;
    private final Renderer renderer;

    public DeckExporter(ResourceBundle bundle, Renderer renderer) {
        this.bundle = bundle;
        this.renderer = renderer;
    }

    /** The file kinds a deck is exported as, by the file's ending. */
    public enum Format {
        PPTX, PDF;

        /** The format of a file name (".pptx" or ".pdf", any case), or null. */
        public static Format ofFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.endsWith(".pptx") ? PPTX : n.endsWith(".pdf") ? PDF : null;
        }
    }

    /**
     * Writes the deck as PowerPoint or PDF, by the target's ending; the file appears whole or not at all.
     * {@code cancelled} is asked between charts.
     */
    public void write(Deck deck, Path target, BooleanSupplier cancelled) {
        Format f = Format.ofFileName(target.getFileName().toString());
        if (f == null) {
            throw new IllegalArgumentException(text("deck.export.badEnding", target.getFileName()));
        }
        if (deck.charts().isEmpty()) {
            throw new IllegalArgumentException(text("deck.export.empty"));
        }
        try {
            RiskReportExporter.write(target, out -> {
                if (f == Format.PPTX) {
                    pptx(deck, cancelled).write(out);
                } else {
                    pdf(deck, cancelled).save(out);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- PowerPoint ----------------------------------------------------------------------

    private XMLSlideShow pptx(Deck deck, BooleanSupplier cancelled) throws IOException {
        XMLSlideShow ppt = new XMLSlideShow();
        ppt.setPageSize(new Dimension((int) SLIDE_W, (int) SLIDE_H));
        XSLFSlide cover = ppt.createSlide();
        box(cover, new Rectangle2D.Double(60, 130, 840, 150), deck.name(), 40, true, TEXT);
        box(cover, new Rectangle2D.Double(60, 290, 840, 60), text("deck.export.cover", date(deck.date()),
                deck.charts().size()), 24, false, MUTED);
        int n = deck.charts().size();
        for (int i = 0; i < n; i++) {
            check(cancelled);
            ChartData c = deck.charts().get(i);
            XSLFSlide slide = ppt.createSlide();
            box(slide, new Rectangle2D.Double(24, 10, SLIDE_W - 48, 56), c.title(), TITLE_PT, true, TEXT);
            double top = 66;
            String verdict = verdict(c);
            if (verdict != null) {
                box(slide, new Rectangle2D.Double(24, top, SLIDE_W - 48, 34), verdict, VERDICT_PT, true,
                        colour(c.spc().variation()));
                top += 36;
            }
            double bottom = SLIDE_H - 30;
            Rectangle2D.Double area = new Rectangle2D.Double(16, top, SLIDE_W - 32, bottom - top);
            int w = px(area.width);
            int h = px(area.height);
            double scale = MIN_TEXT_SHARE * px(SLIDE_H) / SMALLEST;
            XSLFPictureData pd = ppt.addPicture(png(renderer.render(forPicture(c), w, h, scale)),
                    PictureData.PictureType.PNG);
            XSLFPictureShape pic = slide.createPicture(pd);
            pic.setAnchor(area);
            box(slide, new Rectangle2D.Double(24, bottom, SLIDE_W - 48, 28),
                    text("deck.export.footer", deck.name(), date(deck.date()), i + 1, n), FOOTER_PT, false, MUTED);
            XSLFNotes notes = ppt.getNotesSlide(slide);
            for (XSLFTextShape shape : notes.getPlaceholders()) {
                if (shape.getTextType() == Placeholder.BODY) {
                    shape.setText(notesText(c));
                    break;
                }
            }
        }
        return ppt;
    }

    private static void box(XSLFSlide slide, Rectangle2D anchor, String s, double size, boolean bold, Color colour) {
        XSLFTextBox tb = slide.createTextBox();
        tb.setAnchor(anchor);
        tb.setWordWrap(true);
        tb.clearText();
        XSLFTextParagraph p = tb.addNewTextParagraph();
        XSLFTextRun r = p.addNewTextRun();
        r.setText(s == null ? "" : s);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontColor(colour);
    }

    /** The speaker notes: every line of the chart's explanation (signals, verdict, the gap rule), one a line. */
    static String notesText(ChartData c) {
        List<String> lines = new ArrayList<>();
        if (c.subtitle() != null && !c.subtitle().isBlank()) {
            lines.add(c.subtitle());
        }
        lines.addAll(c.explanations());
        return String.join("\n", lines);
    }

    // ---- PDF handout ---------------------------------------------------------------------

    private static final float MARGIN = 40;
    private static final float HANDOUT_IMAGE_H = 228;

    private PDDocument pdf(Deck deck, BooleanSupplier cancelled) throws IOException {
        PDDocument doc = new PDDocument();
        PdfKit.Fonts fonts = PdfKit.fonts(doc);
        float pageW = PDRectangle.A4.getWidth();
        float pageH = PDRectangle.A4.getHeight();
        float width = pageW - 2 * MARGIN;
        String header = text("deck.export.handoutHeader", deck.name(), date(deck.date()));
        PDPageContentStream cs = null;
        float y = 0;
        int onPage = 0;
        try {
            for (ChartData c : deck.charts()) {
                check(cancelled);
                List<String> title = wrap(fonts.bold(), c.title(), 14, width);
                String verdict = verdict(c);
                List<String> verdictLines = verdict == null ? List.of() : wrap(fonts.bold(), verdict, 11, width);
                List<String> body = new ArrayList<>();
                for (String e : c.explanations()) {
                    if (!e.equals(c.spc() == null ? null : c.spc().verdict())) {
                        body.addAll(wrap(fonts.regular(), e, 9, width));
                    }
                }
                float needed = title.size() * 17 + verdictLines.size() * 14 + 6 + HANDOUT_IMAGE_H + 6
                        + body.size() * 11.5f + 18;
                if (cs == null || onPage == 2 || y - needed < MARGIN + 20) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = pageH - MARGIN;
                    line(cs, fonts.regular(), header, 9, MARGIN, y, MUTED);
                    y -= 24;
                    onPage = 0;
                }
                for (String l : title) {
                    y -= 14;
                    line(cs, fonts.bold(), l, 14, MARGIN, y, TEXT);
                    y -= 3;
                }
                Color vc = c.spc() == null ? TEXT : colour(c.spc().variation());
                for (String l : verdictLines) {
                    y -= 11;
                    line(cs, fonts.bold(), l, 11, MARGIN, y, vc);
                    y -= 3;
                }
                y -= 6;
                int w = px(width);
                int h = px(HANDOUT_IMAGE_H);
                double scale = HANDOUT_SMALLEST_PT * DPI / 72.0 / SMALLEST;
                PDImageXObject img = LosslessFactory.createFromImage(doc, renderer.render(forPicture(c), w, h, scale));
                cs.drawImage(img, MARGIN, y - HANDOUT_IMAGE_H, width, HANDOUT_IMAGE_H);
                y -= HANDOUT_IMAGE_H + 6;
                for (String l : body) {
                    y -= 9;
                    line(cs, fonts.regular(), l, 9, MARGIN, y, TEXT);
                    y -= 2.5f;
                }
                y -= 18;
                onPage++;
            }
        } finally {
            if (cs != null) {
                cs.close();
            }
        }
        PdfKit.pageNumberFooter(doc, fonts.regular(), text("deck.export.pageOf"));
        return doc;
    }

    private static void line(PDPageContentStream cs, PDFont font, String s, float size, float x, float y, Color colour)
            throws IOException {
        cs.setNonStrokingColor(colour);
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(RiskReportExporter.PdfLayout.encodable(font, s));
        cs.endText();
    }

    /** Splits a text into lines no wider than {@code width} at this size (long words are cut where they must be). */
    static List<String> wrap(PDFont font, String s, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        for (String para : (s == null ? "" : s).split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String cand = line.isEmpty() ? word : line + " " + word;
                if (line.isEmpty() || width(font, cand, size) <= width) {
                    line.setLength(0);
                    line.append(cand);
                } else {
                    out.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
                while (width(font, line.toString(), size) > width && line.length() > 1) {
                    int cut = line.length() - 1;
                    while (cut > 1 && width(font, line.substring(0, cut), size) > width) {
                        cut--;
                    }
                    out.add(line.substring(0, cut));
                    line.delete(0, cut);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    private static float width(PDFont f, String s, float size) throws IOException {
        return f.getStringWidth(RiskReportExporter.PdfLayout.encodable(f, s)) / 1000 * size;
    }

    // ---- shared ------------------------------------------------------------------------

    /** The verdict line with its icon ("▼ Försämring: …"), or null for a chart without one (Pareto, actions …). */
    public static String verdict(ChartData c) {
        if (c.spc() == null || c.spc().verdict() == null || c.spc().verdict().isBlank()) {
            return null;
        }
        Variation v = c.spc().variation() == null ? Variation.COMMON_CAUSE : c.spc().variation();
        return v.glyph() + " " + c.spc().verdict();
    }

    private static Color colour(Variation v) {
        return new Color((v == null ? Variation.COMMON_CAUSE : v).rgb());
    }

    /** The chart without its title and verdict, which the slide or page prints above it. */
    static ChartData forPicture(ChartData c) {
        ChartData.Spc s = c.spc();
        ChartData.Spc spc = s == null ? null : new ChartData.Spc(s.request(), s.baselineEnd(), s.baselineLabel(),
                s.partStarts(), s.better(), s.variation(), s.assurance(), s.target(), null, s.legend());
        return new ChartData("", c.subtitle(), c.yLabel(), c.style(), c.chartType(), c.points(), c.explanations(),
                c.signal(), c.kind(), c.valueName(), c.secondName(), c.markers(), c.matrix(), spc);
    }

    /** "mötesbilder-kvalitetsråd-solbacken-2026-11-23.pptx": a file name from the deck's owner and day. */
    public static String suggestedFileName(String owner, LocalDate date, String ending) {
        String slug = java.text.Normalizer.normalize(owner == null ? "" : owner, java.text.Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return "mötesbilder" + (slug.isEmpty() ? "" : "-" + slug) + (date == null ? "" : "-" + date) + "." + ending;
    }

    /** Points to pixels at {@value #DPI} dpi. */
    static int px(double points) {
        return (int) Math.round(points * DPI / 72.0);
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException();
        }
    }

    private String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }

    private String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : se.kvalitetshjulet.domain.NumberText.of(bundle.getLocale()).message(pattern, bundle.getLocale(), args);
    }
}
