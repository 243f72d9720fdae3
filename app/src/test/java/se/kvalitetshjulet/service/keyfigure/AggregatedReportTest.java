package se.kvalitetshjulet.service.keyfigure;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.export.ReportDocument;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;

/** "Uppföljning på aggregerad nivå" in the kvalitetsberättelse and the tertial report, drafted from data. */
class AggregatedReportTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private Map<String, Long> units;

    @BeforeEach
    void open() throws Exception {
        ctx = TestDb.open(dir);
        units = KfFixtures.organisation(ctx);
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kpi-catalogue-elderly-care.v3.json"), null);
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-data-u21468.json"), "1280");
        ctx.keyFigures().setFollowed(List.of("U21468"));
        ctx.keyFigures().setComparisons(List.of(new ComparisonChoice("1283", ComparisonRole.SIMILAR),
                new ComparisonChoice("G33", ComparisonRole.SIMILAR),
                new ComparisonChoice("0000", ComparisonRole.NATIONAL)));
        ctx.keyFigures().surveyImporter().importFile(KfFixtures.file("brukarundersokning-2024.csv"), null, null, false);
        ctx.keyFigures().surveyImporter().importFile(KfFixtures.file("brukarundersokning-2025-messy.csv"), null, null, false);
        ctx.followUps().importFile(KfFixtures.file("individuppfoljning.csv"));
        long pk = ctx.keyFigures().saveOwnFigure(new OwnFigure(null, "PK14", "Personalkontinuitet (median, 14 dagar)",
                OwnFigure.Measure.MEDIAN, "personer", true, null)).value();
        ctx.keyFigures().saveOwnValues(List.of(new OwnValue(pk, units.get("Hemtjänst Norr"), 2025, 3, 16.0, 31),
                new OwnValue(pk, units.get("Hemtjänst Norr"), 2025, 4, 14.5, 33)));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private ReportModel model(ReportKind kind, int tertial) {
        return ctx.reports().build(new ReportService.Request(kind, 2025, tertial, null, false, null), TestDb.TODAY,
                (f, w) -> { }, () -> false);
    }

    private static ResourceBundle sv() {
        return ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(List<ReportDocument.Block> blocks) {
        return blocks.stream().map(b -> switch (b) {
            case ReportDocument.Heading h -> "# " + h.text();
            case ReportDocument.Paragraph p -> p.text();
            case ReportDocument.Table t -> String.join(" | ", t.header()) + "\n" + t.rows().stream()
                    .map(r -> String.join(" | ", r)).collect(Collectors.joining("\n"));
            case ReportDocument.Chart c -> "[chart]";
            default -> "";
        }).collect(Collectors.joining("\n"));
    }

    @Test
    void theAnnualReportHasTheSurveyTheComparisonsAndTheFollowUpWithTheirUncertainty() throws Exception {
        ReportModel m = model(ReportKind.ANNUAL, 0);
        String t = text(ReportDocument.build(m, sv()));
        assertThat(t).contains("# Uppföljning på aggregerad nivå", "# Brukarundersökningen",
                "# Jämförelser med andra kommuner", "# Egna nyckeltal", "# Individuppföljning på aggregerad nivå");
        assertThat(t).contains("Wilsons intervall", "färre än 30 svarande");
        // survey: Norr helhetssyn 85 % of 60 (2024) → 87,5 % of 56 (2025), intervals, respondents and rate shown
        assertThat(t).contains("Hemtjänst Norr | Sammantaget, hur nöjd eller missnöjd är du med den hjälp du får? | "
                + "85 % (74–92); 60 svar, 55 % svarsfrekvens | 88 % (76–94); 56 svar, 50 % svarsfrekvens | +3 | "
                + "Ingen säker förändring");
        assertThat(t).contains("För få svarande (12)");
        // comparison: Helsingborg clearly higher, the group and missing values cannot be judged, source named
        assertThat(t).contains("1280 (vi) | 88,0 | 87–89 | 2196 | 40 %");
        assertThat(t).contains("1283 | 93,0 | 91–95 | 750 | 47 % | Högre än vårt – tydlig skillnad");
        assertThat(t).contains("G33 | 86,5 | – | – | – | Kan inte bedömas", "ovägda medelvärden", "Källa: Kolada");
        // individual follow-up: 4 of 5 with a genomförandeplan, Wilson 37.6–96.4 %
        assertThat(t).contains("Under 2025 registrerades 5 individuppföljningar. Genomförandeplan fanns i 80 % (38–96; n = 5)");
        assertThat(t).contains("Hemtjänst Norr | T1 | 3 | 67 % (21–94; n = 3)");
        // own key figure: latest against previous
        assertThat(t).contains("Personalkontinuitet (median, 14 dagar) | Hemtjänst Norr | 2025-04: 14,5 personer (n = 33) "
                + "| 2025-03: 16,0 personer");
        assertThat(t).doesNotContain("null");

        Path docx = dir.resolve("kvalitetsberattelse.docx");
        ctx.reportExporter(Locale.of("sv")).write(m, ReportFormat.DOCX, docx, () -> false);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getParagraphs().stream().filter(x -> "Heading1".equals(x.getStyle())).map(XWPFParagraph::getText))
                    .contains("Uppföljning på aggregerad nivå");
            assertThat(doc.getTables().stream().map(XWPFTable::getText)).anySatisfy(x -> assertThat(x)
                    .contains("Jämfört med oss").contains("Högre än vårt – tydlig skillnad"));
        }
    }

    @Test
    void theTertialReportHasTheFollowUpOfItsTertial() {
        String t = text(ReportDocument.build(model(ReportKind.TERTIAL, 1), sv()));
        assertThat(t).contains("# Uppföljning på aggregerad nivå", "# Individuppföljning på aggregerad nivå");
        assertThat(t).contains("Under T1 2025 registrerades 4 individuppföljningar");
        assertThat(t).doesNotContain("# Jämförelser med andra kommuner");
    }
}
