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
import se.kvalitetshjulet.domain.selfcheck.RoundComparison;
import se.kvalitetshjulet.domain.selfcheck.Share;

/**
 * Writes the compilation of a self-check round to XLSX: per question, per unit (with its
 * compliance), per verksamhetsområde, the Bilaga 2 table and, when given, the comparison with
 * an earlier round ("Jämförelse"). Numbers as numbers; every text cell is
 * neutralised with {@link SafeCells} (no formulas, no identity numbers). The sheet headings
 * are Swedish because the workbook feeds the Swedish quality report.
 */
public final class SelfCheckExporter {

    public void export(Compilation c, Path target) {
        export(c, null, target);
    }

    /** The compilation and, unless {@code comparison} is null, a sheet comparing it with the earlier round. */
    public void export(Compilation c, RoundComparison comparison, Path target) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle oneDecimal = wb.createCellStyle();
            oneDecimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));

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
            header(u, bold, "Verksamhetsområde", "Enhet", "Status", "Besvarade frågor", "Brister", "Resultat",
                    "Bedömbara svar", "Följsamhet (%)");
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
                x.createCell(6).setCellValue(s.assessable());
                percent(x, 7, s.compliance(), oneDecimal);
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
            if (comparison != null) {
                comparison(wb, comparison, bold, oneDecimal);
            }
            for (Sheet s : List.of(bilaga, q, u, a)) {
                s.setColumnWidth(0, 36 * 256);
                s.setColumnWidth(1, 48 * 256);
            }
            bilaga.setColumnWidth(2, 32 * 256);
            bilaga.setColumnWidth(3, 60 * 256);
            bilaga.setColumnWidth(4, 40 * 256);
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

    /** Overall response rate and compliance, then per question and per unit: then, now and the change. */
    private static Sheet comparison(XSSFWorkbook wb, RoundComparison cmp, CellStyle bold, CellStyle oneDecimal) {
        Sheet s = wb.createSheet("Jämförelse");
        int r = 0;
        Row title = s.createRow(r++);
        text(title, 0, cmp.current().name() + " jämfört med " + cmp.previous().name());
        title.getCell(0).setCellStyle(bold);
        r++;
        header(s, r++, bold, "Totalt", "Före (%)", "Nu (%)", "Förändring (procentenheter)");
        Row rate = s.createRow(r++);
        text(rate, 0, "Svarsfrekvens");
        percent(rate, 1, cmp.responseThen(), oneDecimal);
        percent(rate, 2, cmp.responseNow(), oneDecimal);
        number(rate, 3, cmp.responseChangePoints(), oneDecimal);
        Row comp = s.createRow(r++);
        text(comp, 0, "Följsamhet");
        percent(comp, 1, cmp.complianceThen(), oneDecimal);
        percent(comp, 2, cmp.complianceNow(), oneDecimal);
        number(comp, 3, cmp.complianceChangePoints(), oneDecimal);
        r++;
        header(s, r++, bold, "Fråga", "Andel brister före (%)", "Andel brister nu (%)", "Förändring (procentenheter)",
                "Medelvärde före", "Medelvärde nu", "Avsnitt", "Jämförbarhet");
        for (RoundComparison.QuestionChange qc : cmp.questions()) {
            Row x = s.createRow(r++);
            text(x, 0, qc.text());
            percent(x, 1, qc.findingsThen(), oneDecimal);
            percent(x, 2, qc.findingsNow(), oneDecimal);
            number(x, 3, qc.changePoints(), oneDecimal);
            number(x, 4, qc.meanThen(), oneDecimal);
            number(x, 5, qc.meanNow(), oneDecimal);
            text(x, 6, qc.section());
            text(x, 7, switch (qc.presence()) {
                case BOTH -> "I båda omgångarna";
                case NEW -> "Ny fråga";
                case REMOVED -> "Borttagen fråga";
            });
        }
        r++;
        header(s, r++, bold, "Enhet", "Följsamhet före (%)", "Följsamhet nu (%)", "Förändring (procentenheter)",
                "Verksamhetsområde");
        for (RoundComparison.UnitChange uc : cmp.units()) {
            Row x = s.createRow(r++);
            text(x, 0, uc.unitName());
            percent(x, 1, uc.complianceThen(), oneDecimal);
            percent(x, 2, uc.complianceNow(), oneDecimal);
            number(x, 3, uc.changePoints(), oneDecimal);
            text(x, 4, uc.area());
        }
        s.setColumnWidth(0, 60 * 256);
        for (int i = 1; i <= 7; i++) {
            s.setColumnWidth(i, 18 * 256);
        }
        return s;
    }

    /** A percentage (0–100, one decimal shown) or an empty cell when the share has no percentage. */
    private static void percent(Row row, int col, Share share, CellStyle style) {
        number(row, col, share == null ? null : share.percent(), style);
    }

    private static void number(Row row, int col, Double value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(col);
            cell.setCellValue(Math.round(value * 10) / 10.0);
            cell.setCellStyle(style);
        }
    }

    private static void header(Sheet s, CellStyle bold, String... titles) {
        header(s, 0, bold, titles);
    }

    private static void header(Sheet s, int rowIndex, CellStyle bold, String... titles) {
        Row h = s.createRow(rowIndex);
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
