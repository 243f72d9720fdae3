package se.kvalitetshjulet.export;

import java.math.BigInteger;
import java.util.List;

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

/**
 * Shared Word (DOCX) building blocks for the exports: real heading styles Word's navigation and table of contents
 * recognise, tables as Word tables with a repeating header row, multi-line runs and a page-number footer.
 */
final class DocxKit {
    static final String HEADER_FILL = "D9E2F3";

    private DocxKit() {
    }

    /** Adds Title, Heading1 and Heading2 ("heading 1", "heading 2": the names Word maps to its built-in styles). */
    static void standardStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        style(styles, "Title", "Title", -1, 44);
        style(styles, "Heading1", "heading 1", 0, 32);
        style(styles, "Heading2", "heading 2", 1, 26);
        style(styles, "Heading3", "heading 3", 2, 23);
    }

    static void style(XWPFStyles styles, String id, String name, int outline, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.addNewName().setVal(name);
        ct.addNewBasedOn().setVal("Normal");
        ct.addNewNext().setVal("Normal");
        ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
        ct.addNewQFormat();
        var ppr = ct.addNewPPr();
        if (outline >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
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

    static XWPFParagraph styled(XWPFDocument doc, String styleId, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(styleId);
        p.createRun().setText(text);
        return p;
    }

    /** A cell's background: hex {@code RRGGBB}, or null for none. */
    @FunctionalInterface
    interface CellFill {
        String colour(int row, int column);
    }

    /** The text width of an A4 page with 2.5 cm margins, in twips (1/20 pt): what a table spans. */
    static final int TEXT_WIDTH_DXA = 9000;

    /** An A4 page with 2.5 cm margins (Swedish board documents), the text width {@link #TEXT_WIDTH_DXA} and a bit. */
    static void a4(XWPFDocument doc) {
        var body = doc.getDocument().getBody();
        var sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        var margin = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margin.setTop(BigInteger.valueOf(1418));
        margin.setBottom(BigInteger.valueOf(1418));
        margin.setLeft(BigInteger.valueOf(1418));
        margin.setRight(BigInteger.valueOf(1418));
        margin.setHeader(BigInteger.valueOf(709));
        margin.setFooter(BigInteger.valueOf(709));
    }

    /** A Word table; {@code widths} are relative column widths (null: equal). */
    static XWPFTable table(XWPFDocument doc, List<String> header, List<List<String>> rows, float[] widths) {
        return table(doc, header, rows, widths, (r, c) -> null);
    }

    /** A Word table whose body cells may have a background ({@code fill}, by body row and column). */
    static XWPFTable table(XWPFDocument doc, List<String> header, List<List<String>> rows, float[] widths, CellFill fill) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        float total = 0;
        for (int c = 0; c < header.size(); c++) {
            total += widths == null ? 1 : widths[c];
        }
        // Fixed column widths in twips, in the grid as well as in every cell: Word reads the cells, LibreOffice the
        // grid, and neither then squeezes a column so that its words break in the middle (issue 21).
        int[] dxa = new int[header.size()];
        for (int c = 0; c < dxa.length; c++) {
            dxa[c] = Math.round((widths == null ? 1 : widths[c]) / total * TEXT_WIDTH_DXA);
        }
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(TEXT_WIDTH_DXA));
        var tblPr = table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr() : table.getCTTbl().addNewTblPr();
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout())
                .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : dxa) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        int fontSize = header.size() > 6 ? 7 : header.size() > 5 ? 8 : 10;
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < header.size(); c++) {
            XWPFTableCell cell = head.getCell(c);
            cell.setColor(HEADER_FILL);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(Integer.toString(dxa[c]));
            XWPFRun run = cell.getParagraphs().getFirst().createRun();
            run.setFontSize(fontSize);
            lines(run, header.get(c), true);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                String colour = fill.colour(r, c);
                if (colour != null) {
                    cell.setColor(colour);
                }
                if (c < dxa.length) {
                    cell.setWidthType(TableWidthType.DXA);
                    cell.setWidth(Integer.toString(dxa[c]));
                }
                XWPFRun run = cell.getParagraphs().getFirst().createRun();
                run.setFontSize(fontSize);
                lines(run, cells.get(c), false);
            }
        }
        doc.createParagraph();
        return table;
    }

    /** Sets text with line breaks for "\n". */
    static void lines(XWPFRun run, String text, boolean bold) {
        run.setBold(bold);
        String[] parts = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(parts[i]);
        }
    }

    /** A centred footer "label PAGE" with a Word PAGE field. */
    static void pageNumberFooter(XWPFDocument doc, String label) {
        XWPFFooter footer = new XWPFHeaderFooterPolicy(doc).createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph fp = footer.createParagraph();
        fp.setAlignment(ParagraphAlignment.CENTER);
        fp.createRun().setText(label + " ");
        CTSimpleField page = fp.getCTP().addNewFldSimple();
        page.setInstr("PAGE \\* MERGEFORMAT");
        page.addNewR().addNewT().setStringValue("1");
    }

    /**
     * A TOC field over heading levels 1–2. Its cached result lists the headings (so every word processor shows the
     * contents at once); Word is asked to update fields on opening, which adds the page numbers.
     */
    static void tableOfContents(XWPFDocument doc, List<String> entries) {
        XWPFParagraph p = doc.createParagraph();
        CTSimpleField toc = p.getCTP().addNewFldSimple();
        toc.setInstr("TOC \\o \"1-2\" \\h \\z \\u");
        for (int i = 0; i < entries.size(); i++) {
            var r = toc.addNewR();
            if (i > 0) {
                r.addNewBr();
            }
            r.addNewT().setStringValue(entries.get(i));
        }
        doc.enforceUpdateFields();
    }
}
