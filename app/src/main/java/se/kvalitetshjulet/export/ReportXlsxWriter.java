package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.kvalitetshjulet.service.report.ReportModel;

/**
 * Writes the tables behind a report to Excel, one sheet per table (tables of the same kind, such as Bilaga 1 per
 * verksamhetsområde, share a sheet). Counts are numeric cells; text is formula-safe and identity numbers masked.
 */
public final class ReportXlsxWriter {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,15}");

    private final ResourceBundle bundle;

    public ReportXlsxWriter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public void write(ReportModel model, Path target, BooleanSupplier cancelled) {
        List<ReportDocument.Block> blocks = ReportDocument.build(model, bundle);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet about = wb.createSheet(WorkbookUtil.createSafeSheetName(bundle.getString("report.sheet.about")));
            about.createRow(0).createCell(0).setCellValue(SafeCells.safe(ReportDocument.title(model, bundle)));
            about.getRow(0).getCell(0).setCellStyle(bold);
            about.createRow(1).createCell(0).setCellValue(model.generatedOn().toString());
            about.setColumnWidth(0, 80 * 256);
            Map<String, Integer> nextRow = new HashMap<>();
            String section = "";
            for (ReportDocument.Block block : blocks) {
                ReportExporter.check(cancelled);
                if (block instanceof ReportDocument.Heading h) {
                    section = h.text();
                }
                if (!(block instanceof ReportDocument.Table t)) {
                    continue;
                }
                String name = WorkbookUtil.createSafeSheetName(t.sheet());
                Sheet sheet = wb.getSheet(name);
                if (sheet == null) {
                    sheet = wb.createSheet(name);
                    for (int c = 0; c < t.header().size(); c++) {
                        sheet.setColumnWidth(c, (c == 0 ? 40 : Math.min(60, 14 + 4 * t.header().size())) * 256);
                    }
                }
                int r = nextRow.getOrDefault(name, 0);
                if (r > 0) {
                    r++;
                }
                if (t.sheet().equals(bundle.getString("report.sheet.bilaga1"))
                        || t.sheet().equals(bundle.getString("report.sheet.bilaga2"))) {
                    Row s = sheet.createRow(r++);
                    s.createCell(0).setCellValue(SafeCells.safe(section));
                    s.getCell(0).setCellStyle(bold);
                }
                Row head = sheet.createRow(r++);
                for (int c = 0; c < t.header().size(); c++) {
                    head.createCell(c).setCellValue(SafeCells.safe(t.header().get(c)));
                    head.getCell(c).setCellStyle(bold);
                }
                for (List<String> row : t.rows()) {
                    Row x = sheet.createRow(r++);
                    for (int c = 0; c < row.size(); c++) {
                        String v = row.get(c);
                        if (v != null && INTEGER.matcher(v).matches()) {
                            x.createCell(c).setCellValue(Long.parseLong(v));
                        } else {
                            x.createCell(c).setCellValue(SafeCells.safe(v));
                            x.getCell(c).setCellStyle(wrap);
                        }
                    }
                }
                nextRow.put(name, r);
            }
            RiskReportExporter.write(target, wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException("Rapporten kunde inte skrivas till " + target + ".", e);
        }
    }
}
