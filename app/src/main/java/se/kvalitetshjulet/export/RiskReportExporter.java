package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import se.kvalitetshjulet.service.RiskReport;

/**
 * Writes one risk or event analysis for the person who decides: DOCX (Word heading styles, real tables, page
 * numbers in the footer) and PDF (DejaVu Sans when the system has it, so åäö and every other letter print;
 * otherwise the standard Helvetica with WinAnsi encoding, which also covers åäö). Files are written to a temporary
 * sibling and moved into place, so a failed export never leaves half a file.
 */
public final class RiskReportExporter {
    private final ResourceBundle bundle;

    public RiskReportExporter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    // ---- DOCX ----------------------------------------------------------------------

    public void docx(RiskReport report, LocalDate today, Path target) {
        docx(RiskDocument.build(report, bundle, today), RiskDocument.title(report), bundle.getString("risk.report.page"),
                target);
    }

    /** Writes any document built of {@link RiskDocument} blocks as DOCX (also used for council minutes). */
    static void docx(List<RiskDocument.Block> blocks, String title, String pageWord, Path target) {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxKit.standardStyles(doc);
            doc.getProperties().getCoreProperties().setTitle(title);
            for (RiskDocument.Block block : blocks) {
                switch (block) {
                    case RiskDocument.Heading h -> DocxKit.styled(doc, "Heading" + h.level(), h.text());
                    case RiskDocument.Paragraph para -> DocxKit.lines(doc.createParagraph().createRun(), para.text(), para.bold());
                    case RiskDocument.Table t -> DocxKit.table(doc, t.header(),
                            t.rows().stream().map(r -> r.stream().map(RiskDocument.Cell::text).toList()).toList(), t.widths(),
                            (r, c) -> {
                                String colour = t.rows().get(r).get(c).colour();
                                return colour == null ? null : colour.substring(1);
                            });
                }
            }
            DocxKit.pageNumberFooter(doc, pageWord);
            write(target, doc::write);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades.", e);
        }
    }

    // ---- PDF -----------------------------------------------------------------------

    public void pdf(RiskReport report, LocalDate today, Path target) {
        pdf(RiskDocument.build(report, bundle, today), RiskDocument.title(report), bundle.getString("risk.report.pageOf"),
                target);
    }

    /**
     * Writes any document built of {@link RiskDocument} blocks as PDF (also used for council minutes);
     * {@code pageOf} is a pattern with {0} (page) and {1} (pages).
     */
    static void pdf(List<RiskDocument.Block> blocks, String title, String pageOf, Path target) {
        try (PDDocument doc = new PDDocument()) {
            PdfKit.Fonts fonts = PdfKit.fonts(doc);
            doc.getDocumentInformation().setTitle(title);
            try (PdfLayout layout = new PdfLayout(doc, fonts.regular(), fonts.bold())) {
                for (RiskDocument.Block block : blocks) {
                    switch (block) {
                        case RiskDocument.Heading h -> layout.heading(h.text(), h.level());
                        case RiskDocument.Paragraph p -> layout.paragraph(p.text(), p.bold());
                        case RiskDocument.Table t -> layout.table(t);
                    }
                }
            }
            PdfKit.pageNumberFooter(doc, fonts.regular(), pageOf);
            write(target, doc::save);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades.", e);
        }
    }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = se.kvalitetshjulet.data.TempFiles.create(".export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            se.kvalitetshjulet.data.TempFiles.moveInto(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Line-by-line layout on A4 pages: wraps text to column widths and breaks pages as needed. */
    static final class PdfLayout implements AutoCloseable {
        private static final float MARGIN = 50;
        private static final float BOTTOM = 60;
        private static final float SIZE = 10;
        private static final float LEADING = 13;
        private static final float PAD = 3;

        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream cs;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        PdfLayout(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void heading(String text, int level) throws IOException {
            float size = level == 1 ? 16 : 13;
            List<String> lines = wrap(text, bold, size, width);
            ensure(lines.size() * (size + 4) + 10 + 2 * LEADING);
            y -= level == 1 ? 4 : 10;
            for (String line : lines) {
                y -= size + 4;
                text(line, bold, size, MARGIN, y);
            }
            y -= 6;
        }

        void paragraph(String text, boolean strong) throws IOException {
            PDFont f = strong ? bold : regular;
            for (String line : wrap(text, f, SIZE, width)) {
                ensure(LEADING);
                y -= LEADING;
                text(line, f, SIZE, MARGIN, y);
            }
            y -= 6;
        }

        void table(RiskDocument.Table t) throws IOException {
            float total = 0;
            for (float w : t.widths()) {
                total += w;
            }
            float[] cols = new float[t.widths().length];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = t.widths()[i] / total * width;
            }
            List<RiskDocument.Cell> header = t.header().stream().map(h -> new RiskDocument.Cell(h, "#D9E2F3")).toList();
            row(header, cols, true);
            for (List<RiskDocument.Cell> r : t.rows()) {
                if (row(r, cols, false)) {
                    row(header, cols, true);
                    row(r, cols, false);
                }
            }
            y -= 10;
        }

        /** Draws one row; returns true when it did not fit and a new page was started instead (caller redraws). */
        private boolean row(List<RiskDocument.Cell> cells, float[] cols, boolean header) throws IOException {
            PDFont f = header ? bold : regular;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> w = wrap(cells.get(i).text(), f, SIZE, cols[i] - 2 * PAD);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float height = lines * LEADING + 2 * PAD;
            if (y - height < BOTTOM) {
                newPage();
                return !header;
            }
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                String colour = cells.get(i).colour();
                if (colour != null) {
                    cs.setNonStrokingColor(java.awt.Color.decode(colour));
                    cs.addRect(x, y - height, cols[i], height);
                    cs.fill();
                    cs.setNonStrokingColor(java.awt.Color.BLACK);
                }
                cs.setStrokingColor(java.awt.Color.GRAY);
                cs.setLineWidth(0.5f);
                cs.addRect(x, y - height, cols[i], height);
                cs.stroke();
                float ly = y - PAD;
                for (String line : wrapped.get(i)) {
                    ly -= LEADING;
                    text(line, f, SIZE, x + PAD, ly + 3);
                }
                x += cols[i];
            }
            y -= height;
            return false;
        }

        private void text(String s, PDFont f, float size, float x, float atY) throws IOException {
            cs.beginText();
            cs.setFont(f, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(encodable(f, s));
            cs.endText();
        }

        private List<String> wrap(String text, PDFont f, float size, float max) throws IOException {
            List<String> out = new ArrayList<>();
            for (String para : (text == null ? "" : text).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : para.split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(f, candidate, size) <= max || line.isEmpty()) {
                        line.setLength(0);
                        line.append(candidate);
                        while (width(f, line.toString(), size) > max && line.length() > 1) {
                            int cut = line.length() - 1;
                            while (cut > 1 && width(f, line.substring(0, cut), size) > max) {
                                cut--;
                            }
                            out.add(line.substring(0, cut));
                            line.delete(0, cut);
                        }
                    } else {
                        out.add(line.toString());
                        line.setLength(0);
                        line.append(word);
                    }
                }
                out.add(line.toString());
            }
            return out;
        }

        private static float width(PDFont f, String s, float size) throws IOException {
            return f.getStringWidth(encodable(f, s)) / 1000 * size;
        }

        /** Replaces characters the font cannot encode (only possible with the standard fonts) by '?'. */
        static String encodable(PDFont f, String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                if (cp == '\t') {
                    sb.append(' ');
                    return;
                }
                try {
                    f.encode(ch);
                    sb.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    // a font without the thin space of "4 637" (U+202F, decision 0028) gets a plain one
                    sb.append(Character.isSpaceChar(cp) ? ' ' : '?');
                }
            });
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            cs.close();
        }
    }
}
