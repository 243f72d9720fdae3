package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.kvalitetshjulet.domain.risk.AppendixRow;

/**
 * Writes the annual quality report's Bilaga 1 (genomförda riskanalyser) to XLSX: a heading row per
 * verksamhetsområde, then one row per analysis. Text cells are formula-safe and identity numbers masked.
 */
public final class RiskAppendixExporter {
    private final ResourceBundle bundle;

    public RiskAppendixExporter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public void export(int year, List<AppendixRow> rows, Path target) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            bold.setWrapText(true);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet sheet = wb.createSheet(bundle.getString("risk.appendix.sheet"));
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(bundle.getString("risk.appendix.heading").replace("{0}", Integer.toString(year)));
            title.getCell(0).setCellStyle(bold);
            String area = null;
            for (AppendixRow row : rows) {
                if (area == null || !Objects.equals(area, row.businessArea())) {
                    area = row.businessArea();
                    r++;
                    Row areaRow = sheet.createRow(r);
                    areaRow.createCell(0).setCellValue(bundle.getString("risk.appendix.area") + " "
                            + (area.isBlank() ? bundle.getString("risk.appendix.noArea") : area).toUpperCase(
                            java.util.Locale.ROOT));
                    areaRow.getCell(0).setCellStyle(bold);
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
                    r++;
                    Row h = sheet.createRow(r++);
                    String[] headers = {bundle.getString("risk.appendix.analysis"), bundle.getString("risk.appendix.where"),
                            bundle.getString("risk.appendix.measures"), bundle.getString("risk.appendix.routines")};
                    for (int c = 0; c < headers.length; c++) {
                        h.createCell(c).setCellValue(headers[c]);
                        h.getCell(c).setCellStyle(bold);
                    }
                }
                Row x = sheet.createRow(r++);
                String[] values = {row.analysis(), row.where(), row.measures(), row.improvedRoutines()};
                for (int c = 0; c < values.length; c++) {
                    x.createCell(c).setCellValue(SafeCells.safe(values[c]));
                    x.getCell(c).setCellStyle(wrap);
                }
            }
            sheet.setColumnWidth(0, 50 * 256);
            sheet.setColumnWidth(1, 35 * 256);
            sheet.setColumnWidth(2, 50 * 256);
            sheet.setColumnWidth(3, 40 * 256);
            RiskReportExporter.write(target, wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades.", e);
        }
    }
}
