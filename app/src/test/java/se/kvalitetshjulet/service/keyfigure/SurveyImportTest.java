package se.kvalitetshjulet.service.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.keyfigure.Verdict;

/** The user survey per unit from a messy CSV (Windows-1252, decimal commas, '*', blank and missing rows) and XLSX. */
class SurveyImportTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private Map<String, Long> units;

    @BeforeEach
    void open() {
        ctx = TestDb.open(dir);
        units = KfFixtures.organisation(ctx);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private SurveyResult result(int year, String unit, String code) {
        return ctx.keyFigures().survey(null, null).stream().filter(r -> r.year() == year
                && r.unitId() == units.get(unit) && r.questionCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theMessyFileIsReadWithDecimalCommasSuppressionAndMissingRows() {
        SurveyImporter.Result r = ctx.keyFigures().surveyImporter().importFile(
                KfFixtures.file("brukarundersokning-2025-messy.csv"), null, null, false);
        assertThat(r.errors()).isEmpty();
        assertThat(r.mapping()).contains("'Verksamhet' → Enhet", "'Andel positiva (%)' → Andel positiva (%)");
        assertThat(r.rows()).isEqualTo(6);
        assertThat(r.inserted()).isEqualTo(6);
        assertThat(r.suppressed()).isEqualTo(1);
        SurveyResult norr = result(2025, "Hemtjänst Norr", "F1");
        assertThat(norr.positiveShare()).isEqualTo(87.5);
        assertThat(norr.respondents()).isEqualTo(56);
        assertThat(norr.invited()).isEqualTo(112);
        assertThat(norr.responseRate()).isEqualTo(50.0);
        assertThat(norr.question()).isEqualTo("Sammantaget, hur nöjd eller missnöjd är du med den hjälp du får?");
        assertThat(result(2025, "Hemtjänst Syd", "F1").invited()).isEqualTo(1204); // "1 204"
        SurveyResult natt = result(2025, "Nattpatrullen", "F1");
        assertThat(natt.positiveShare()).isNull(); // '*' = not published, never 0
        assertThat(natt.compared("2025").suppressed()).isTrue();

        int audit = ctx.audit().count();
        SurveyImporter.Result again = ctx.keyFigures().surveyImporter().importFile(
                KfFixtures.file("brukarundersokning-2025-messy.csv"), null, null, false);
        assertThat(again.inserted() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(ctx.audit().count()).isEqualTo(audit);
    }

    @Test
    void yearOverYearWithIntervalsAndWhatChanged() {
        ctx.keyFigures().surveyImporter().importFile(KfFixtures.file("brukarundersokning-2024.csv"), null, null, false);
        ctx.keyFigures().surveyImporter().importFile(KfFixtures.file("brukarundersokning-2025-messy.csv"), null, null, false);
        ValueSeries s = ctx.keyFigures().surveySeries(units.get("Hemtjänst Norr"), "F1");
        assertThat(s.periods()).containsExactly("2024", "2025");
        assertThat(s.values().get(1).interval()).isNotNull();
        List<SurveyChange> changes = ctx.keyFigures().whatChanged(null, null, 2025);
        // Norr F3: 90 % of 60 (80.1–95.3) → 71 % of 55 (58.0–81.3): overlapping → no clear change
        SurveyChange tid = changes.stream().filter(c -> c.unit().equals("Hemtjänst Norr") && c.questionCode().equals("F3"))
                .findFirst().orElseThrow();
        assertThat(tid.changePoints()).isCloseTo(-19.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(tid.verdict()).isEqualTo(Verdict.NO_CLEAR_DIFFERENCE);
        SurveyChange natt = changes.stream().filter(c -> c.unit().equals("Nattpatrullen")).findFirst().orElseThrow();
        assertThat(natt.previous()).isNull();
        assertThat(natt.current().suppressed()).isTrue();
        assertThat(natt.verdict()).isEqualTo(Verdict.CANNOT_BE_JUDGED);
        SurveyChange bemotande = changes.stream().filter(c -> c.questionCode().equals("F2")).findFirst().orElseThrow();
        assertThat(bemotande.previous()).isNull(); // a row missing in 2024 is missing, not 0
    }

    @Test
    void anXlsxWithSharesAsFractionsAndAnotherHeaderIsReadThroughAMapping() throws Exception {
        Path xlsx = dir.resolve("enhetsresultat.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            var sheet = wb.createSheet("Enhetsresultat");
            String[] h = {"Utförare", "Indikator", "Resultat", "Svarande", "Urval"};
            var row = sheet.createRow(0);
            for (int i = 0; i < h.length; i++) {
                row.createCell(i).setCellValue(h[i]);
            }
            Object[][] data = {{"Hemtjänst Norr", "Helhetssyn", 0.875, 56, 112}, {"Hemtjänst Syd", "Helhetssyn", 0.783, 60, 120}};
            for (int r = 0; r < data.length; r++) {
                var x = sheet.createRow(r + 1);
                x.createCell(0).setCellValue((String) data[r][0]);
                x.createCell(1).setCellValue((String) data[r][1]);
                x.createCell(2).setCellValue((Double) data[r][2]);
                x.createCell(3).setCellValue((Integer) data[r][3]);
                x.createCell(4).setCellValue((Integer) data[r][4]);
            }
            wb.write(out);
        }
        SurveyMapping m = SurveyMapping.fromJson("{\"kind\": \"survey\", \"columns\": {\"question\": \"Indikator\"}}");
        SurveyImporter.Result r = ctx.keyFigures().surveyImporter().importFile(xlsx, 2023, m, false);
        assertThat(r.errors()).isEmpty();
        SurveyResult norr = result(2023, "Hemtjänst Norr", "helhetssyn");
        assertThat(norr.positiveShare()).isCloseTo(87.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(norr.compared("2023").responseRate()).isEqualTo(50.0); // derived from svarande / urval
    }

    @Test
    void badRowsAreReportedByRowAndNothingIsWritten() throws Exception {
        Path csv = dir.resolve("fel.csv");
        Files.writeString(csv, "Enhet;År;Fråga;Andel positiva (%);Antal svarande;Antal tillfrågade\n"
                + "Hemtjänst Norr;2025;Helhetssyn;87,5;56;112\n"
                + "Hemtjänst Väst;2025;Helhetssyn;80;40;90\n"
                + "Hemtjänst Syd;2025;Helhetssyn;hög;40;90\n"
                + "Hemtjänst Syd;2025;Bemötande;110;40;90\n"
                + "Nattpatrullen;2025;Helhetssyn;90;40;30\n");
        SurveyImporter.Result r = ctx.keyFigures().surveyImporter().importFile(csv, null, null, false);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("Rad 3").contains("Hemtjänst Väst"))
                .anySatisfy(e -> assertThat(e).startsWith("Rad 4").contains("'hög' är inget tal"))
                .anySatisfy(e -> assertThat(e).startsWith("Rad 5").contains("utanför 0–100"))
                .anySatisfy(e -> assertThat(e).startsWith("Rad 6").contains("fler svarande"));
        assertThat(ctx.keyFigures().survey(null, null)).isEmpty();
    }

    @Test
    void aFileWithoutRespondentsIsRefusedBecauseUncertaintyCannotBeJudged() throws Exception {
        Path csv = dir.resolve("utan-svarande.csv");
        Files.writeString(csv, "Enhet;År;Fråga;Andel positiva (%)\nHemtjänst Norr;2025;Helhetssyn;87,5\n");
        SurveyImporter.Result r = ctx.keyFigures().surveyImporter().importFile(csv, null, null, false);
        assertThat(r.errors()).singleElement().asString().contains("antal svarande");
    }
}
