package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the organisation file ({@code org export}): CSV (UTF-8 with BOM, semicolons, what Swedish Excel opens) or
 * XLSX, one row per unit; text is formula-safe. Written to a temporary file and moved into place.
 */
public final class OrgFileExporter {

    public void write(List<List<String>> rows, Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".org-", ".tmp");
            try {
                if (name.endsWith(".xlsx")) {
                    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
                        Sheet sheet = wb.createSheet("Organisation");
                        for (int r = 0; r < rows.size(); r++) {
                            Row row = sheet.createRow(r);
                            List<String> v = rows.get(r);
                            for (int c = 0; c < v.size(); c++) {
                                row.createCell(c).setCellValue(SafeCells.neutralise(v.get(c)));
                            }
                        }
                        sheet.createFreezePane(0, 1);
                        sheet.setColumnWidth(0, 70 * 256);
                        for (int c = 1; c < rows.getFirst().size(); c++) {
                            sheet.setColumnWidth(c, 18 * 256);
                        }
                        wb.write(out);
                    }
                } else {
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        w.write('\uFEFF');
                        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';')
                                .setRecordSeparator("\r\n").get());
                        for (List<String> r : rows) {
                            csv.printRecord(r.stream().map(SafeCells::neutralise).toList());
                        }
                        csv.flush();
                    }
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Organisationen kunde inte skrivas till " + target + ": " + e.getMessage(), e);
        }
    }
}
