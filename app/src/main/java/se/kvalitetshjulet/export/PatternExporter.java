package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.PatternReport;

/** Writes a pattern report to XLSX: one sheet per table, numbers as numbers (aggregates only). */
public final class PatternExporter {
    private final ResourceBundle bundle;

    public PatternExporter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public void export(PatternReport r, Path target) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Sheet counts = wb.createSheet("Antal per typ");
            List<String> areas = new ArrayList<>(r.areas());
            areas.add(PatternReport.TOTAL);
            Row h = counts.createRow(0);
            cell(h, 0, "Typ", bold);
            int col = 1;
            for (String a : areas) {
                String name = PatternReport.TOTAL.equals(a) ? "Totalt" : a;
                for (int back = 0; back <= r.yearsCompared(); back++) {
                    cell(h, col++, name + " " + r.period().yearsBefore(back).label(), bold);
                }
            }
            int rowNo = 1;
            for (DeviationKind k : DeviationKind.values()) {
                Row row = counts.createRow(rowNo++);
                row.createCell(0).setCellValue(bundle.getString("enum.DeviationKind." + k.name()));
                col = 1;
                for (String a : areas) {
                    for (int back = 0; back <= r.yearsCompared(); back++) {
                        if (r.beforeRegister(back)) {
                            row.createCell(col++).setCellValue(PatternReport.NO_DATA);
                        } else {
                            row.createCell(col++).setCellValue(r.count(k, a, back));
                        }
                    }
                }
            }
            list(wb, "Kategorier", "Kategori", r.topCategories(), bold, false);
            list(wb, "Orsaker", "Orsak", r.topCauses(), bold, false);
            list(wb, "Åtgärdstyper", "Åtgärdstyp", r.topMeasureTypes(), bold, false);
            list(wb, "Bedömningar", "Bedömning", r.assessments(), bold, true);
            Sheet ivo = wb.createSheet("IVO");
            Row ih = ivo.createRow(0);
            cell(ih, 0, "Period", bold);
            cell(ih, 1, "Anmälningar till IVO", bold);
            Row ir = ivo.createRow(1);
            ir.createCell(0).setCellValue(r.period().label());
            ir.createCell(1).setCellValue(r.ivoReports());
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                wb.getSheetAt(i).setColumnWidth(0, 40 * 256);
            }
            Path tmp = se.kvalitetshjulet.data.TempFiles.create(".export-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    wb.write(out);
                }
                se.kvalitetshjulet.data.TempFiles.moveInto(tmp, target);
            } finally {
                se.kvalitetshjulet.data.TempFiles.deleteQuietly(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades.", e);
        }
    }

    private void list(XSSFWorkbook wb, String sheetName, String header, List<PatternReport.NamedCount> rows,
                      CellStyle bold, boolean assessment) {
        Sheet s = wb.createSheet(sheetName);
        Row h = s.createRow(0);
        cell(h, 0, header, bold);
        cell(h, 1, "Antal", bold);
        int i = 1;
        for (PatternReport.NamedCount n : rows) {
            Row row = s.createRow(i++);
            row.createCell(0).setCellValue(SafeCells.safe(assessment ? bundle.getString("enum.Assessment." + n.name()) : n.name()));
            row.createCell(1).setCellValue(n.count());
        }
    }

    private static void cell(Row row, int col, String text, CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(text);
        c.setCellStyle(style);
    }
}
