package se.kvalitetshjulet.service.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first worksheet of an Excel workbook, read with POI's event (SAX) API so that rows
 * stream through without building the workbook in memory. Only the shared-strings table is
 * held in memory (Excel keeps each distinct text there once); for very large exports CSV is
 * the better format. Date cells become ISO dates (2024-03-15) whatever their display format,
 * and whole numbers in "General" cells keep all their digits (no 1.23E+11 for long ids).
 */
final class XlsxTabularReader extends TabularReader {
    /** Excel's own limit (column XFD); a reference beyond it means a damaged or hostile file. */
    static final int MAX_COLUMNS = 16_384;
    private final List<String> headers;
    private final long headerRow;
    private final String sheetName;
    private volatile long rowsRead;

    /** Thrown from inside the SAX callbacks to stop reading early. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Carries an exception of the row handler (e.g. cancellation) through the XML parser unchanged. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(RuntimeException cause) {
            super(cause);
        }
    }

    XlsxTabularReader(Path file) {
        super(file);
        List<String> found = new ArrayList<>();
        long[] row = {0};
        String[] name = {null};
        read((rowNumber, values) -> {
            for (int i = 0; i < values.size(); i++) {
                found.add(headerName(values.get(i), i));
            }
            row[0] = rowNumber;
            return false;
        }, true, name);
        if (found.isEmpty()) {
            throw new ImportFileException("Det första bladet i " + file.getFileName() + " är tomt. Lägg avvikelserna "
                    + "på det första bladet, med en rubrikrad överst.");
        }
        headers = List.copyOf(found);
        headerRow = row[0];
        sheetName = name[0];
    }

    @Override
    public Format format() {
        return Format.XLSX;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    @Override
    public String describe() {
        return "Excel (.xlsx), blad '" + sheetName + "'";
    }

    @Override
    public boolean fixedWidth() {
        return false;
    }

    @Override
    public double fractionRead() {
        return -1;
    }

    /** Rows delivered by the running pass, for progress messages. */
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void forEachRow(RowHandler handler) {
        read(handler, false, new String[1]);
    }

    private void read(RowHandler handler, boolean headerOnly, String[] sheetName) {
        rowsRead = 0;
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file().toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new ImportFileException("Arbetsboken " + file().getFileName() + " har inga blad.");
            }
            try (InputStream sheet = sheets.next()) {
                sheetName[0] = sheets.getSheetName();
                Rows rows = new Rows(handler, headerOnly);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), false));
                try {
                    xml.parse(new InputSource(sheet));
                } catch (Stop stop) {
                    // the handler asked to stop
                } catch (SAXException e) {
                    if (e.getCause() instanceof Stop) {
                        return;
                    }
                    if (e.getCause() instanceof HandlerFailure failure) {
                        throw failure;
                    }
                    throw e;
                }
            }
        } catch (HandlerFailure failure) {
            throw (RuntimeException) failure.getCause();
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                 | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException
                 | org.apache.poi.util.RecordFormatException | IllegalArgumentException e) {
            throw new ImportFileException(unreadable(file(), e), e);
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    /**
     * A Swedish sentence for why POI could not read the workbook; POI's own (English, technical) text goes
     * only to the log through the cause.
     */
    static String unreadable(Path file, Throwable e) {
        String name = "Filen " + file.getFileName();
        String all = messages(e);
        String advice = " Öppna den i Excel och spara den igen som .xlsx eller CSV (UTF-8).";
        if (all.contains("zip bomb") || all.contains("inflate ratio") || all.contains("MinInflateRatio")
                || all.contains("MaxEntrySize") || all.contains("max entry size")) {
            return name + " packas upp till mycket mer än sin egen storlek (som en så kallad zip-bomb) och läses inte, "
                    + "för att skydda datorns minne. En vanlig Excel-export ser inte ut så." + advice;
        }
        if (all.contains("DOCTYPE") || all.contains("DTD") || all.contains("entity")) {
            return name + " innehåller en dokumenttypsdeklaration (DOCTYPE), vilket en Excel-arbetsbok aldrig gör; "
                    + "den läses inte av säkerhetsskäl." + advice;
        }
        if (all.contains("password") || all.contains("encrypt") || all.contains("OLE2")) {
            return name + " är lösenordsskyddad eller krypterad och kan inte läsas. Spara den utan lösenord." + advice;
        }
        return name + " kunde inte läsas som Excel-arbetsbok (.xlsx): filen är skadad eller av en annan typ." + advice;
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(':').append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    /** A cell reference for a message: at most 20 characters, control characters shown as '?'. */
    private static String printable(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Collects the cells of a row; missing cells are empty. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final boolean headerOnly;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;
        private int row;
        private int nextCol;

        Rows(RowHandler handler, boolean headerOnly) {
            this.handler = handler;
            this.headerOnly = headerOnly;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            row = rowNum;
            nextCol = 0;
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? nextCol : column(ref);
            if (col < 0 || col >= MAX_COLUMNS) {
                throw new HandlerFailure(new ImportFileException("Filen " + file().getFileName() + " har en cell "
                        + "utanför det Excel tillåter (cellreferens '" + printable(ref) + "' på rad " + (row + 1)
                        + "; Excel har högst " + MAX_COLUMNS + " kolumner, A–XFD). Filen är skadad eller inte skapad "
                        + "av Excel. Öppna den i Excel och spara den igen som .xlsx eller CSV (UTF-8)."));
            }
            while (cells.size() < col) {
                cells.add("");
            }
            String v = value == null ? "" : value;
            if (col < cells.size()) {
                cells.set(col, v);
            } else {
                cells.add(v);
            }
            nextCol = col + 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (blank(cells)) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (headerOnly) {
                    deliver(List.copyOf(cells));
                    throw new Stop();
                }
                return;
            }
            rowsRead++;
            if (!deliver(new ArrayList<>(cells))) {
                throw new Stop();
            }
        }

        private boolean deliver(List<String> values) {
            try {
                return handler.row(row + 1L, values);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        /** The zero-based column of a reference like "C12"; -1 when it is not a column Excel can have. */
        static int column(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = ref.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    col = col * 26 + (c - 'A' + 1);
                } else if (c >= 'a' && c <= 'z') {
                    col = col * 26 + (c - 'a' + 1);
                } else {
                    break;
                }
                if (col > MAX_COLUMNS) {
                    return -1; // also stops the overflow of a reference with many letters
                }
            }
            return col - 1;
        }
    }

    /** Dates as yyyy-MM-dd (with the time if there is one); whole numbers without exponent. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904);
                if (t == null) {
                    return super.formatRawCellContents(value, formatIndex, formatString, use1904);
                }
                return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString()
                        : t.toLocalDate() + " " + t.toLocalTime();
            }
            if ((formatIndex == 0 || "General".equalsIgnoreCase(formatString)) && value == Math.rint(value)
                    && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }
    }
}
