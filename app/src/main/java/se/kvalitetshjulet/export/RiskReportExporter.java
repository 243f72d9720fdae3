package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import se.kvalitetshjulet.service.RiskReport;

/**
 * Writes one risk or event analysis for the person who decides: DOCX (Word heading styles, real tables, page
 * numbers in the footer) and PDF (DejaVu Sans when the system has it, so åäö and every other letter print;
 * otherwise the standard Helvetica with WinAnsi encoding, which also covers åäö). Files are written to a temporary
 * sibling and moved into place, so a failed export never leaves half a file.
 */
public final class RiskReportExporter {
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    static final Path DEJAVU_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

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
            XWPFStyles styles = doc.createStyles();
            headingStyle(styles, "Heading1", "heading 1", 0, 32);
            headingStyle(styles, "Heading2", "heading 2", 1, 26);
            doc.getProperties().getCoreProperties().setTitle(title);
            for (RiskDocument.Block block : blocks) {
                switch (block) {
                    case RiskDocument.Heading h -> {
                        XWPFParagraph p = doc.createParagraph();
                        p.setStyle("Heading" + h.level());
                        p.createRun().setText(h.text());
                    }
                    case RiskDocument.Paragraph para -> {
                        XWPFParagraph p = doc.createParagraph();
                        lines(p.createRun(), para.text(), para.bold());
                    }
                    case RiskDocument.Table t -> table(doc, t);
                }
            }
            XWPFFooter footer = new XWPFHeaderFooterPolicy(doc).createFooter(XWPFHeaderFooterPolicy.DEFAULT);
            XWPFParagraph fp = footer.createParagraph();
            fp.setAlignment(ParagraphAlignment.CENTER);
            fp.createRun().setText(pageWord + " ");
            CTSimpleField page = fp.getCTP().addNewFldSimple();
            page.setInstr("PAGE \\* MERGEFORMAT");
            page.addNewR().addNewT().setStringValue("1");
            write(target, doc::write);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades: " + e.getMessage(), e);
        }
    }

    private static void headingStyle(XWPFStyles styles, String id, String name, int outline, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.addNewName().setVal(name);
        ct.addNewBasedOn().setVal("Normal");
        ct.addNewNext().setVal("Normal");
        ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
        ct.addNewQFormat();
        var ppr = ct.addNewPPr();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        ppr.addNewKeepNext();
        var spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(240));
        spacing.setAfter(BigInteger.valueOf(80));
        var rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewColor().setVal("1F3864");
        XWPFStyle style = new XWPFStyle(ct, styles);
        style.setType(STStyleType.PARAGRAPH);
        styles.addStyle(style);
    }

    private static void table(XWPFDocument doc, RiskDocument.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidthType(TableWidthType.PCT);
        table.setWidth("100%");
        float total = 0;
        for (float w : t.widths()) {
            total += w;
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < t.header().size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor("D9E2F3");
            cell.setWidth(Math.round(t.widths()[c] / total * 100) + "%");
            lines(cell.getParagraphs().getFirst().createRun(), t.header().get(c), true);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            List<RiskDocument.Cell> cells = t.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                RiskDocument.Cell value = cells.get(c);
                if (value.colour() != null) {
                    cell.setColor(value.colour().substring(1));
                }
                lines(cell.getParagraphs().getFirst().createRun(), value.text(), false);
            }
        }
        doc.createParagraph();
    }

    private static void lines(XWPFRun run, String text, boolean bold) {
        run.setBold(bold);
        String[] parts = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(parts[i]);
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
            PDFont regular;
            PDFont bold;
            if (Files.isReadable(DEJAVU) && Files.isReadable(DEJAVU_BOLD)) {
                regular = PDType0Font.load(doc, DEJAVU.toFile());
                bold = PDType0Font.load(doc, DEJAVU_BOLD.toFile());
            } else {
                regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            }
            doc.getDocumentInformation().setTitle(title);
            try (PdfLayout layout = new PdfLayout(doc, regular, bold)) {
                for (RiskDocument.Block block : blocks) {
                    switch (block) {
                        case RiskDocument.Heading h -> layout.heading(h.text(), h.level());
                        case RiskDocument.Paragraph p -> layout.paragraph(p.text(), p.bold());
                        case RiskDocument.Table t -> layout.table(t);
                    }
                }
            }
            int pages = doc.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    String label = PdfLayout.encodable(regular, pageOf
                            .replace("{0}", Integer.toString(i + 1)).replace("{1}", Integer.toString(pages)));
                    float w = regular.getStringWidth(label) / 1000 * 9;
                    cs.beginText();
                    cs.setFont(regular, 9);
                    cs.newLineAtOffset((page.getMediaBox().getWidth() - w) / 2, 28);
                    cs.showText(label);
                    cs.endText();
                }
            }
            write(target, doc::save);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
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
                    sb.append('?');
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
