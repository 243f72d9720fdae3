package se.kvalitetshjulet.service.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;


/**
 * The error report of an import as CSV that Swedish Excel opens directly (UTF-8 with BOM,
 * semicolons): one line per problem with row, column, value, reason and whether it is an
 * error (blocks the import) or a warning. Values are shown as the file had them, shortened,
 * with identity numbers masked and spreadsheet formulas neutralised.
 */
public final class ImportReport {
    public static final String[] HEADERS = {"Rad", "Kolumn", "Värde", "Orsak", "Typ"};

    private ImportReport() {
    }

    public static void write(ImportResult result, Path target) {
        Path tmp = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = se.kvalitetshjulet.data.TempFiles.create(".importrapport-", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
                csv.printRecord((Object[]) HEADERS);
                for (RowError e : result.errors()) {
                    print(csv, e, "Fel");
                }
                if (result.errorsTruncated()) {
                    csv.printRecord("", "", "", "… och " + (result.errorCount() - result.errors().size())
                            + " fel till. Rätta felen ovan och provkör igen för att se resten.", "Fel");
                }
                for (RowError e : result.warnings()) {
                    print(csv, e, "Varning");
                }
                csv.flush();
            }
            se.kvalitetshjulet.data.TempFiles.moveInto(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Felrapporten kunde inte sparas i " + target + ".", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a hidden temporary file
                }
            }
        }
    }

    private static void print(CSVPrinter csv, RowError e, String type) throws IOException {
        csv.printRecord(e.fileLevel() ? "" : Long.toString(e.row()), ReportCells.noFormula(e.column()),
                ReportCells.noFormula(ReportCells.mask(e.value())), ReportCells.noFormula(e.reason()), type);
    }
}
