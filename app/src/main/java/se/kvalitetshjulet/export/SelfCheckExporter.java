package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.Compilation;

/**
 * Writes the compilation of a self-check round to XLSX: per question, per unit, per
 * verksamhetsområde, and the Bilaga 2 table. Numbers as numbers; every text cell is
 * neutralised with {@link SafeCells} (no formulas, no identity numbers). The sheet headings
 * are Swedish because the workbook feeds the Swedish quality report.
 */
public final class SelfCheckExporter {

    public void export(Compilation c, Path target) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);

            Sheet bilaga = wb.createSheet("Bilaga 2");
            header(bilaga, bold, "Genomförd egenkontroll", "Verksamhet där den genomfördes", "Resultat av egenkontrollen",
                    "Förbättrande åtgärder som vidtagits", "Processer och rutiner som förbättrats");
            int r = 1;
            for (Compilation.ReportRow row : c.bilaga2()) {
                Row x = bilaga.createRow(r++);
                text(x, 0, row.check());
                text(x, 1, row.unit());
                text(x, 2, row.result());
                text(x, 3, row.actions());
                text(x, 4, row.routines());
            }

            Sheet q = wb.createSheet("Per fråga");
            header(q, bold, "Avsnitt", "Fråga", "Besvarade", "Ja", "Nej", "Delvis", "Ej aktuellt", "Medelvärde", "Brister");
            r = 1;
            for (Compilation.QuestionStats s : c.questions()) {
                Row x = q.createRow(r++);
                text(x, 0, s.section());
                text(x, 1, s.text());
                x.createCell(2).setCellValue(s.answered());
                if (s.type() == AnswerType.YES_NO) {
                    x.createCell(3).setCellValue(s.count("JA"));
                    x.createCell(4).setCellValue(s.count("NEJ"));
                    x.createCell(5).setCellValue(s.count("DELVIS"));
                    x.createCell(6).setCellValue(s.count("EJ_AKTUELLT"));
                }
                if (s.mean() != null) {
                    x.createCell(7).setCellValue(Math.round(s.mean() * 10) / 10.0);
                }
                x.createCell(8).setCellValue(s.findings());
            }

            Sheet u = wb.createSheet("Per enhet");
            header(u, bold, "Verksamhetsområde", "Enhet", "Status", "Besvarade frågor", "Brister", "Resultat");
            r = 1;
            for (Compilation.UnitResult s : c.units()) {
                Row x = u.createRow(r++);
                text(x, 0, s.area());
                text(x, 1, s.unitName());
                text(x, 2, switch (s.status()) {
                    case NOT_STARTED -> "Ej påbörjad";
                    case DRAFT -> "Utkast";
                    case SUBMITTED -> "Inskickad";
                    case REOPENED -> "Återöppnad";
                });
                x.createCell(3).setCellValue(s.answered());
                x.createCell(4).setCellValue(s.findings());
                text(x, 5, s.result().phrase());
            }

            Sheet a = wb.createSheet("Per verksamhetsområde");
            header(a, bold, "Verksamhetsområde", "Enheter", "Inskickade", "Brister", "Enheter med brister");
            r = 1;
            for (Compilation.AreaSummary s : c.areas()) {
                Row x = a.createRow(r++);
                text(x, 0, s.area());
                x.createCell(1).setCellValue(s.units());
                x.createCell(2).setCellValue(s.submitted());
                x.createCell(3).setCellValue(s.findings());
                x.createCell(4).setCellValue(s.unitsWithFindings());
            }
            for (Sheet s : List.of(bilaga, q, u, a)) {
                s.setColumnWidth(0, 36 * 256);
                s.setColumnWidth(1, 48 * 256);
            }
            bilaga.setColumnWidth(2, 32 * 256);
            bilaga.setColumnWidth(3, 60 * 256);
            bilaga.setColumnWidth(4, 40 * 256);
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".export-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades: " + e.getMessage(), e);
        }
    }

    private static void header(Sheet s, CellStyle bold, String... titles) {
        Row h = s.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            var cell = h.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(bold);
        }
    }

    private static void text(Row row, int col, String value) {
        row.createCell(col).setCellValue(SafeCells.safe(value));
    }
}
