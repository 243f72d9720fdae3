package se.kvalitetshjulet.export;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import se.kvalitetshjulet.service.report.ReportModel;

/**
 * Writes a report to PDF on A4: DejaVu Sans when installed (else Helvetica/WinAnsi), tables with repeated headers
 * across pages, charts as vectors, a contents list with page numbers and "Sida x av y" footers.
 */
public final class ReportPdfWriter {
    private final ResourceBundle bundle;

    public ReportPdfWriter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public void write(ReportModel model, Path target, BooleanSupplier cancelled) {
        List<ReportDocument.Block> blocks = ReportDocument.build(model, bundle);
        try (PDDocument doc = new PDDocument()) {
            PdfKit.Fonts fonts = PdfKit.fonts(doc);
            PDFont regular = fonts.regular();
            PDFont bold = fonts.bold();
            doc.getDocumentInformation().setTitle(ReportDocument.title(model, bundle));
            int headings = (int) blocks.stream().filter(b -> b instanceof ReportDocument.Heading h
                    && h.level() <= 2).count();
            PdfTags tags = new PdfTags(doc, bundle.getLocale().getLanguage().equals("en") ? "en-GB" : "sv-SE",
                    ReportDocument.title(model, bundle));
            Layout layout = new Layout(doc, regular, bold, tags, bundle);
            try {
                for (int i = 0; i < blocks.size(); i++) {
                    ReportDocument.Block block = blocks.get(i);
                    ReportExporter.check(cancelled);
                    switch (block) {
                        case ReportDocument.Title t -> layout.title(t.title(), t.subtitle());
                        case ReportDocument.Contents c -> layout.reserveContents(c.heading(), headings);
                        case ReportDocument.PageBreak pb -> layout.newPage();
                        // A heading keeps with the start of what follows it (a table's header and first row, a
                        // chart, two lines of text): never alone at a page foot.
                        case ReportDocument.Heading h -> layout.heading(h.text(), h.level(),
                                i + 1 < blocks.size() ? layout.startHeight(blocks.get(i + 1)) : 0);
                        case ReportDocument.Paragraph p -> {
                            // A bold line names the table or chart under it: it keeps with its start, too.
                            if (p.bold() && i + 1 < blocks.size()) {
                                layout.keep(layout.boldHeight(p.text()) + layout.startHeight(blocks.get(i + 1)));
                            }
                            layout.paragraph(p.text(), p.bold());
                        }
                        case ReportDocument.Table t -> layout.table(t);
                        case ReportDocument.Chart c -> layout.chart(c.spec());
                    }
                }
            } finally {
                layout.close();
            }
            layout.writeContents();
            PdfKit.pageNumberFooter(doc, regular, bundle.getString("risk.report.pageOf"));
            tags.finish();
            RiskReportExporter.write(target, doc::save);
        } catch (IOException e) {
            throw new UncheckedIOException("Rapporten kunde inte skrivas till " + target + ".", e);
        }
    }

    /** Flowing layout on A4 pages. */
    private static final class Layout {
        private static final float MARGIN = 50;
        private static final float BOTTOM = 60;
        private static final float SIZE = 9.5f;
        private static final float LEADING = 12.5f;
        private static final float PAD = 3;
        /** The smallest font a table shrinks to so that its words and dates fit their columns whole. */
        private static final float MIN_TABLE_SIZE = 6f;
        /** Dates, numbers, percentages and ranges ("2022-03-01", "1 071", "30–70 %") are never broken. */
        private static final java.util.regex.Pattern DATE_OR_NUMBER =
                java.util.regex.Pattern.compile("[(]?[0-9][0-9.,:–\\-]*[%)]?[,.;:]?");
        /** Where a long compound may break: after a hyphen or a slash followed by more letters. */
        private static final java.util.regex.Pattern SOFT_BREAK = java.util.regex.Pattern.compile("(?<=\\p{L})[-/](?=\\p{L})");

        private record TocEntry(int level, String text, int page) { }

        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private final PdfTags tags;
        private final java.util.ResourceBundle bundle;
        private PDPage page;
        private org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement tocElement;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private final List<TocEntry> toc = new ArrayList<>();
        private PDPageContentStream cs;
        private float y;
        private boolean fresh;
        private int tocPage = -1;
        private float tocTop;

        Layout(PDDocument doc, PDFont regular, PDFont bold, PdfTags tags, java.util.ResourceBundle bundle)
                throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            this.tags = tags;
            this.bundle = bundle;
            newPage();
        }

        /** Draws one line of text as (part of) the structure element {@code e}. */
        private void tagged(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e,
                            String s, PDFont f, float size, float x, float atY, Color colour) throws IOException {
            tags.begin(cs, page, e);
            text(s, f, size, x, atY, colour);
            tags.end(cs);
        }

        void newPage() throws IOException {
            if (fresh) {
                return;
            }
            if (cs != null) {
                cs.close();
            }
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
            fresh = true;
        }

        private void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        private void used() {
            fresh = false;
        }

        void title(String title, String subtitle) throws IOException {
            y -= 120;
            var h = tags.element("H1", tags.document());
            for (String line : wrap(title, bold, 24, width)) {
                y -= 30;
                tagged(h, line, bold, 24, MARGIN, y, new Color(0x1F3864));
            }
            y -= 10;
            var p = tags.element("P", tags.document());
            for (String line : wrap(subtitle, regular, 12, width)) {
                y -= 16;
                tagged(p, line, regular, 12, MARGIN, y, Color.BLACK);
            }
            y -= 30;
            used();
        }

        void reserveContents(String heading, int entries) throws IOException {
            ensure(30 + entries * LEADING);
            y -= 20;
            tocElement = tags.element("TOC", tags.document());
            tagged(tags.element("Caption", tocElement), heading, bold, 14, MARGIN, y, new Color(0x1F3864));
            y -= 8;
            tocPage = doc.getNumberOfPages() - 1;
            tocTop = y;
            y -= entries * LEADING;
            used();
        }

        void writeContents() throws IOException {
            if (tocPage < 0) {
                return;
            }
            PDPage tocOn = doc.getPage(tocPage);
            try (PDPageContentStream c = new PDPageContentStream(doc, tocOn,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                float ty = tocTop;
                for (TocEntry e : toc) {
                    var item = tags.element("TOCI", tocElement);
                    tags.begin(c, tocOn, item);
                    ty -= LEADING;
                    float indent = e.level() == 2 ? 14 : 0;
                    PDFont f = e.level() == 1 ? bold : regular;
                    String t = RiskReportExporter.PdfLayout.encodable(f, e.text());
                    while (t.length() > 3 && width(f, t, SIZE) > width - indent - 40) {
                        t = t.substring(0, t.length() - 2);
                    }
                    String number = Integer.toString(e.page());
                    c.beginText();
                    c.setFont(f, SIZE);
                    c.newLineAtOffset(MARGIN + indent, ty);
                    c.showText(t);
                    c.endText();
                    c.beginText();
                    c.setFont(regular, SIZE);
                    c.newLineAtOffset(MARGIN + width - width(regular, number, SIZE), ty);
                    c.showText(number);
                    c.endText();
                    tags.end(c);
                }
            }
        }

        /** The height the start of a block needs on the page of the heading before it. */
        float startHeight(ReportDocument.Block next) throws IOException {
            return switch (next) {
                case ReportDocument.Table t when !t.rows().isEmpty() -> {
                    float[] cols = columns(t);
                    float size = fittingSize(t, cols, t.header().size() > 6 ? 7.5f : SIZE);
                    yield rowHeight(t.header(), cols, bold, size) + rowHeight(t.rows().getFirst(), cols, regular, size);
                }
                case ReportDocument.Chart c -> (float) ChartPainter.HEIGHT + 10;
                case ReportDocument.Heading h -> 40 + 3 * LEADING;
                default -> 3 * LEADING;
            };
        }

        private float[] columns(ReportDocument.Table t) {
            int n = t.header().size();
            float total = 0;
            for (int i = 0; i < n; i++) {
                total += t.widths() == null ? 1 : t.widths()[i];
            }
            float[] cols = new float[n];
            for (int i = 0; i < n; i++) {
                cols[i] = (t.widths() == null ? 1 : t.widths()[i]) / total * width;
            }
            return cols;
        }

        void heading(String text, int level, float keepWithNext) throws IOException {
            float size = level == 1 ? 15 : level == 2 ? 12 : 10.5f;
            List<String> lines = wrap(text, bold, size, width);
            ensure(lines.size() * (size + 4) + 12 + Math.max(3 * LEADING, keepWithNext));
            if (level <= 2) {
                toc.add(new TocEntry(level, text, doc.getNumberOfPages()));
                tags.bookmark(text, level, page);
            }
            var h = tags.element("H" + Math.min(level, 6), tags.document());
            y -= level == 1 ? 8 : 6;
            for (String line : lines) {
                y -= size + 4;
                tagged(h, line, bold, size, MARGIN, y, new Color(0x1F3864));
            }
            y -= 6;
            used();
        }

        /** The chart in words for a screen reader: its kind, title and values (issue 18). */
        private String altText(ReportDocument.ChartSpec spec) {
            return switch (spec) {
                case ReportDocument.Bars b -> {
                    List<String> parts = new ArrayList<>();
                    for (int c = 0; c < b.categories().size(); c++) {
                        List<String> v = new ArrayList<>();
                        for (int sIdx = 0; sIdx < b.series().size(); sIdx++) {
                            v.add(b.series().get(sIdx) + " " + number(b.values()[sIdx][c]));
                        }
                        parts.add(b.categories().get(c) + ": " + String.join(", ", v));
                    }
                    yield java.text.MessageFormat.format(bundle.getString("report.alt.bars"), b.title(),
                            String.join("; ", parts));
                }
                case ReportDocument.Line l -> {
                    var ts = l.series();
                    int n = ts.values().length;
                    yield java.text.MessageFormat.format(bundle.getString("report.alt.line"), l.title(),
                            n == 0 ? "" : ts.labels().getFirst(), n == 0 ? "" : ts.labels().getLast(),
                            n == 0 ? "" : number(ts.values()[n - 1]), n == 0 ? "" : number(ts.centre()[n - 1]));
                }
            };
        }

        private String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v)
                    : String.format(bundle.getLocale().getLanguage().equals("en") ? java.util.Locale.ENGLISH
                            : java.util.Locale.of("sv"), "%.1f", v);
        }

        /** Starts a new page unless {@code height} fits on this one. */
        void keep(float height) throws IOException {
            ensure(height + 5);
        }

        /** The height a bold paragraph takes. */
        float boldHeight(String text) throws IOException {
            return wrap(text, bold, SIZE, width).size() * LEADING;
        }

        void paragraph(String text, boolean strong) throws IOException {
            PDFont f = strong ? bold : regular;
            var p = tags.element(strong ? "Caption" : "P", tags.document());
            for (String line : wrap(text, f, SIZE, width)) {
                ensure(LEADING);
                y -= LEADING;
                tagged(p, line, f, SIZE, MARGIN, y, Color.BLACK);
                used();
            }
            y -= 5;
        }

        void chart(ReportDocument.ChartSpec spec) throws IOException {
            float scale = 1f;
            ensure((float) ChartPainter.HEIGHT + 10);
            float left = MARGIN + (width - (float) ChartPainter.WIDTH * scale) / 2;
            var figure = tags.element("Figure", tags.document());
            figure.setAlternateDescription(altText(spec));
            tags.begin(cs, page, figure);
            cs.saveGraphicsState();
            ChartPainter.paint(spec, new PdfChartCanvas(cs, regular, bold, left, y));
            cs.restoreGraphicsState();
            tags.end(cs);
            cs.setNonStrokingColor(Color.BLACK);
            cs.setStrokingColor(Color.BLACK);
            y -= (float) ChartPainter.HEIGHT + 10;
            used();
        }

        void table(ReportDocument.Table t) throws IOException {
            int n = t.header().size();
            float[] cols = columns(t);
            float size = fittingSize(t, cols, n > 6 ? 7.5f : SIZE);
            // A header never stands alone at a page foot: it goes to the next page with the first row.
            if (!t.rows().isEmpty() && y - rowHeight(t.header(), cols, bold, size)
                    - rowHeight(t.rows().getFirst(), cols, regular, size) < BOTTOM) {
                newPage();
            }
            var table = tags.element("Table", tags.document());
            row(t.header(), cols, true, size, table);
            for (List<String> r : t.rows()) {
                if (row(r, cols, false, size, table)) {
                    row(t.header(), cols, true, size, null); // repeated on the new page: decoration, read once
                    row(r, cols, false, size, table);
                }
            }
            y -= 10;
        }

        /**
         * The table's font size: the given one, or smaller (down to {@link #MIN_TABLE_SIZE}) until every word, date
         * and number fits its column whole — a cell never breaks a word or a date in the middle.
         */
        private float fittingSize(ReportDocument.Table t, float[] cols, float size) throws IOException {
            float s = size;
            while (s > MIN_TABLE_SIZE && !fits(t, cols, s)) {
                s -= 0.5f;
            }
            return s;
        }

        private boolean fits(ReportDocument.Table t, float[] cols, float size) throws IOException {
            List<List<String>> all = new ArrayList<>();
            all.add(t.header());
            all.addAll(t.rows());
            for (List<String> r : all) {
                for (int i = 0; i < r.size() && i < cols.length; i++) {
                    PDFont f = r == t.header() ? bold : regular;
                    for (String token : tokens(r.get(i))) {
                        if (width(f, token, size) > cols[i] - 2 * PAD) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** The pieces a line may break between: words, and within a long compound after a hyphen or slash. */
        static List<String> tokens(String text) {
            List<String> out = new ArrayList<>();
            for (String word : (text == null ? "" : text).split("[ \n]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (DATE_OR_NUMBER.matcher(word).matches()) {
                    out.add(word);
                    continue;
                }
                java.util.regex.Matcher m = SOFT_BREAK.matcher(word);
                int start = 0;
                while (m.find()) {
                    out.add(word.substring(start, m.end()));
                    start = m.end();
                }
                if (start < word.length()) {
                    out.add(word.substring(start));
                }
            }
            return out;
        }

        private float rowHeight(List<String> cells, float[] cols, PDFont f, float size) throws IOException {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                lines = Math.max(lines, wrap(cells.get(i), f, size, cols[i] - 2 * PAD).size());
            }
            return lines * (size + 3) + 2 * PAD;
        }

        /** Draws one row; true when it did not fit and a new page was started instead (the caller redraws). */
        /**
         * Draws one row as a TR of {@code table} (its cells TH or TD; null: a repeated header, an artifact); true when
         * it did not fit and a new page was started instead (the caller redraws).
         */
        private boolean row(List<String> cells, float[] cols, boolean header, float size,
                            org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement table)
                throws IOException {
            PDFont f = header ? bold : regular;
            float leading = size + 3;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> w = wrap(cells.get(i), f, size, cols[i] - 2 * PAD);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float height = lines * leading + 2 * PAD;
            if (y - height < BOTTOM) {
                newPage();
                if (!header) {
                    return true;
                }
            }
            float x = MARGIN;
            var tr = table == null ? null : tags.element("TR", table);
            for (int i = 0; i < cells.size(); i++) {
                PdfTags.beginArtifact(cs);
                if (header) {
                    cs.setNonStrokingColor(new Color(0xD9E2F3));
                    cs.addRect(x, y - height, cols[i], height);
                    cs.fill();
                }
                cs.setStrokingColor(Color.GRAY);
                cs.setLineWidth(0.5f);
                cs.addRect(x, y - height, cols[i], height);
                cs.stroke();
                cs.endMarkedContent();
                var cell = tr == null ? null : tags.element(header ? "TH" : "TD", tr);
                if (cell == null) {
                    PdfTags.beginArtifact(cs);
                } else {
                    tags.begin(cs, page, cell);
                }
                float ly = y - PAD;
                for (String line : wrapped.get(i)) {
                    ly -= leading;
                    text(line, f, size, x + PAD, ly + 3, Color.BLACK);
                }
                cs.endMarkedContent();
                x += cols[i];
            }
            y -= height;
            used();
            return false;
        }

        private void text(String s, PDFont f, float size, float x, float atY, Color colour) throws IOException {
            cs.setNonStrokingColor(colour);
            cs.beginText();
            cs.setFont(f, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(RiskReportExporter.PdfLayout.encodable(f, s));
            cs.endText();
        }

        private static List<String> wrap(String text, PDFont f, float size, float max) throws IOException {
            List<String> out = new ArrayList<>();
            for (String para : (text == null ? "" : text).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : para.split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(f, candidate, size) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    // Too long for the rest of the line: break after a hyphen or slash of a compound, never inside
                    // a date or a number; only a piece longer than a whole line is cut, and then with a hyphen.
                    List<String> pieces = tokens(word);
                    if (pieces.isEmpty()) {
                        pieces = List.of(word);
                    }
                    for (String piece : pieces) {
                        String cand = line + piece;
                        if (width(f, cand, size) <= max) {
                            line.append(piece);
                            continue;
                        }
                        if (!line.isEmpty()) {
                            out.add(line.toString());
                            line.setLength(0);
                        }
                        String rest = piece;
                        while (width(f, rest, size) > max && rest.length() > 1
                                && !DATE_OR_NUMBER.matcher(rest).matches()) {
                            int cut = rest.length() - 1;
                            while (cut > 1 && width(f, rest.substring(0, cut) + "-", size) > max) {
                                cut--;
                            }
                            out.add(rest.substring(0, cut) + "-");
                            rest = rest.substring(cut);
                        }
                        line.append(rest);
                    }
                }
                out.add(line.toString());
            }
            return out;
        }

        private static float width(PDFont f, String s, float size) throws IOException {
            return f.getStringWidth(RiskReportExporter.PdfLayout.encodable(f, s)) / 1000 * size;
        }

        void close() throws IOException {
            cs.close();
        }
    }
}
