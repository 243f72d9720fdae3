package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.AppendixRow;
import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskAnalysisRow;
import se.kvalitetshjulet.domain.risk.RiskFilter;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.export.RiskAppendixExporter;
import se.kvalitetshjulet.export.RiskReportExporter;

/** Risk analyses on a demo database: templates, save and reload, decisions, recurrence, appendix, exports. */
class RiskServiceTest {
    @TempDir
    static Path dir;
    static AppContext ctx;
    static RiskRepository repo;
    static RiskService service;
    static int demoCount;
    static final ResourceBundle SV = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @BeforeAll
    static void setUp() {
        ctx = TestDb.demo(dir);
        repo = new RiskRepository(ctx.database(), ctx.audit());
        service = new RiskService(ctx.database(), repo, ctx.deviations(), ctx.organisation(), ctx.clock());
        // The demo municipality includes the risk-analysis demo.
        demoCount = service.search(se.kvalitetshjulet.domain.risk.RiskFilter.all()).size();
    }

    private static Unit unit(String name) {
        return ctx.organisation().tree().all().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    private static RiskTemplate template(AnalysisKind kind, int size) {
        return service.templates().stream().filter(t -> t.kind() == kind && t.matrix().size() == size).findFirst().orElseThrow();
    }

    @Test
    void theMigrationSeedsValidDefaultTemplates() {
        List<RiskTemplate> templates = service.templates();
        assertThat(templates).extracting(RiskTemplate::kind).contains(AnalysisKind.RISKANALYS, AnalysisKind.HANDELSEANALYS);
        for (RiskTemplate t : templates) {
            assertThat(t.matrix().validate()).as(t.name()).isEmpty();
        }
        assertThat(template(AnalysisKind.RISKANALYS, 4).matrix()).isEqualTo(RiskMatrix.socialstyrelsen4x4());
        assertThat(template(AnalysisKind.RISKANALYS, 5).matrix()).isEqualTo(RiskMatrix.fiveByFive());
        assertThat(template(AnalysisKind.HANDELSEANALYS, 4).steps()).hasSize(8).startsWith("Initiera analysen");
    }

    @Test
    void anEditedTemplateIsValidatedAndAudited() {
        RiskTemplate base = template(AnalysisKind.RISKANALYS, 4);
        List<ScoreBand> gap = List.of(new ScoreBand("LAG", "Låg", 1, 3, "#00aa00"), new ScoreBand("HOG", "Hög", 5, 16, "#aa0000"));
        RiskTemplate bad = new RiskTemplate(null, "Egen mall", AnalysisKind.RISKANALYS, base.steps(),
                new RiskMatrix(4, base.matrix().probabilities(), base.matrix().consequences(), gap), true);
        assertThat(service.saveTemplate(bad).ok()).isFalse();
        int audits = ctx.audit().count();
        List<ScoreBand> ok = List.of(new ScoreBand("LAG", "Grön", 1, 4, "#00aa00"), new ScoreBand("HOG", "Röd", 5, 16, "#aa0000"));
        var saved = service.saveTemplate(new RiskTemplate(null, "Egen mall", AnalysisKind.RISKANALYS, base.steps(),
                new RiskMatrix(4, base.matrix().probabilities(), base.matrix().consequences(), ok), true));
        assertThat(saved.ok()).isTrue();
        assertThat(ctx.audit().count()).isEqualTo(audits + 1);
        assertThat(service.template(saved.value().id()).matrix().band(4).label()).isEqualTo("Grön");
    }

    @Test
    void anAnalysisIsSavedReloadedEditedAndDecided() {
        RiskTemplate t = template(AnalysisKind.RISKANALYS, 4);
        RiskAnalysis draft = RiskAnalysis.newDraft(t, unit("Hemtjänst Syd").id(), TestDb.TODAY);
        RiskAnalysis a = new RiskAnalysis(null, t.id(), t.kind(), AnalysisStatus.UTKAST, "Riskanalys inför nytt larmsystem",
                AnalysisLevel.ENHET, draft.unitId(), RiskTrigger.NYTT_IT_SYSTEM, TestDb.TODAY.minusDays(2),
                "Enhetschef, undersköterskor", "Larm går via ny app", "", "Rutin för larmsvar uppdaterad", null, null,
                null, null, List.of(new Risk(null, "Larm når inte personal", "Täckning", "Reservtelefon", 2, 4, 1, 4),
                new Risk(null, "Fel brukare kopplas till larmet", "Manuell registrering", "", 1, 3, null, null)),
                draft.steps(), List.of(), List.of(), List.of());
        int audits = ctx.audit().count();
        var saved = service.save(a, false);
        assertThat(saved.ok()).isTrue();
        long id = saved.value().id();
        assertThat(ctx.audit().count()).isGreaterThan(audits);
        RiskAnalysis loaded = service.find(id).orElseThrow();
        assertThat(loaded.risks()).extracting(Risk::description)
                .containsExactly("Larm når inte personal", "Fel brukare kopplas till larmet");
        assertThat(loaded.steps()).hasSize(8);

        // Edit: drop the second risk, rescore the first; the risk keeps its id.
        Risk first = loaded.risks().getFirst();
        RiskAnalysis edited = loaded.withRisks(List.of(new Risk(first.id(), first.description(), first.causes(),
                first.barriers(), 3, 4, 1, 4)));
        assertThat(service.save(edited, false).ok()).isTrue();
        RiskAnalysis again = service.find(id).orElseThrow();
        assertThat(again.risks()).hasSize(1);
        assertThat(again.risks().getFirst().id()).isEqualTo(first.id());
        assertThat(again.risks().getFirst().probability()).isEqualTo(3);

        // Deciding without measures or a reason is refused; with a measure and follow-up date it is decided.
        assertThat(service.decide(again, "Enhetschef").problems()).extracting(p -> p.messageKey())
                .contains("risk.validation.measuresOrReason");
        assertThat(service.saveMeasure(new Measure(null, RiskAnalysis.SOURCE, id, again.unitId(), "Testa täckningen",
                null, "", TestDb.TODAY.plusDays(20), null, null, null)).ok()).isFalse();
        assertThat(service.saveMeasure(new Measure(null, RiskAnalysis.SOURCE, id, again.unitId(), "Testa täckningen",
                null, "Enhetschef", TestDb.TODAY.plusDays(20), null, null, null)).ok()).isTrue();
        RiskAnalysis withFollowUp = new RiskAnalysis(id, t.id(), t.kind(), AnalysisStatus.UTKAST, again.title(),
                again.level(), again.unitId(), again.trigger(), again.analysedOn(), again.participants(),
                again.processDescription(), "", again.improvedRoutines(), TestDb.TODAY.plusMonths(2), null, null, null,
                again.risks(), again.steps(), List.of(), List.of(), List.of());
        var decided = service.decide(withFollowUp, "Avdelningschef");
        assertThat(decided.ok()).as(String.valueOf(decided.problems())).isTrue();
        RiskAnalysis d = service.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(AnalysisStatus.BESLUTAD);
        assertThat(d.decidedBy()).isEqualTo("Avdelningschef");
        assertThat(d.decidedOn()).isEqualTo(TestDb.TODAY);
        assertThat(service.markFollowedUp(d).ok()).isFalse();
    }

    @Test
    void identityNumbersInFreeTextAreFoundAndCanBeRefused() {
        RiskTemplate t = template(AnalysisKind.HANDELSEANALYS, 4);
        RiskAnalysis e = RiskAnalysis.newDraft(t, unit("Avdelning Linden").id(), TestDb.TODAY);
        RiskAnalysis withText = new RiskAnalysis(null, t.id(), t.kind(), AnalysisStatus.UTKAST, "Fall", AnalysisLevel.ENHET,
                e.unitId(), null, TestDb.TODAY, "", "", "", "", null, null, null, null, List.of(), e.steps(),
                List.of(new TimelineEntry(TestDb.TODAY.atTime(8, 0), "Brukaren 19121212-1212 föll")),
                List.of(new UnderlyingCause(CauseCategory.MILJO, "Halt golv")), List.of());
        assertThat(service.privacyFindings(withText)).anyMatch(f -> f.identityNumber());
        assertThat(service.save(withText, true).ok()).isFalse();
    }

    @Test
    void demoDataHasAnalysesOfEveryKindWithDueItemsAndLinkedLexMaria() {
        assertThat(demoCount).isGreaterThanOrEqualTo(10);
        List<RiskAnalysisRow> all = service.search(RiskFilter.all());
        assertThat(all).extracting(RiskAnalysisRow::trigger).contains(RiskTrigger.OMORGANISATION, RiskTrigger.FLYTT,
                RiskTrigger.NYTT_IT_SYSTEM, RiskTrigger.SCHEMAANDRING);
        List<RiskAnalysisRow> events = service.search(new RiskFilter(AnalysisKind.HANDELSEANALYS, null, null, null, null, false));
        assertThat(events).hasSize(2);
        for (RiskAnalysisRow e : events) {
            assertThat(service.linkedDeviations(e.id())).singleElement()
                    .satisfies(d -> assertThat(ctx.deviations().find(d.id()).orElseThrow().kind().name()).isEqualTo("LEX_MARIA"));
        }
        // The older individual fall-risk analysis has a successor; the successor itself is due now.
        List<RiskAnalysisRow> individual = service.search(new RiskFilter(null, AnalysisLevel.INDIVID, null, null, null, false));
        assertThat(individual.stream().filter(r -> r.recurrenceDue() && r.title().contains("fallrisk"))).hasSize(1);
        assertThat(service.search(new RiskFilter(null, null, null, null, null, true))).allMatch(RiskAnalysisRow::due)
                .isNotEmpty();
        // Unit subtree: Solbacken's sections.
        var scope = ctx.organisation().unitScope(unit("Solbackens vård- och omsorgsboende").id(), null);
        assertThat(service.search(new RiskFilter(null, null, scope, null, null, false)))
                .isNotEmpty().allMatch(r -> scope.contains(r.unitId()));
        // Measures in every state.
        var states = new java.util.HashSet<se.kvalitetshjulet.domain.risk.MeasureState>();
        for (RiskAnalysisRow r : all) {
            service.measures(r.id()).forEach(m -> states.add(se.kvalitetshjulet.domain.risk.MeasureState.of(m, TestDb.TODAY)));
        }
        assertThat(states).containsExactlyInAnyOrder(se.kvalitetshjulet.domain.risk.MeasureState.values());
    }

    @Test
    void startingTheNextHalfYearlyAnalysisClearsTheDueMark() {
        RiskTemplate t = template(AnalysisKind.RISKANALYS, 4);
        RiskAnalysis draft = RiskAnalysis.newDraft(t, unit("Våning 2").id(), TestDb.TODAY);
        RiskAnalysis a = new RiskAnalysis(null, t.id(), t.kind(), AnalysisStatus.UTKAST, "Individuell riskanalys, nutrition",
                AnalysisLevel.INDIVID, draft.unitId(), RiskTrigger.ANNAT, TestDb.TODAY.minusMonths(6), "", "", "", "",
                null, null, null, null, List.of(new Risk(null, "Viktnedgång", "", "", 3, 3, 2, 2)), draft.steps(),
                List.of(), List.of(), List.of());
        long id = service.save(a, false).value().id();
        RiskAnalysisRow row = service.search(new RiskFilter(null, AnalysisLevel.INDIVID, null, null, null, true)).stream()
                .filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(row.recurrenceDue()).isTrue();
        assertThat(row.nextRecurrence()).isEqualTo(TestDb.TODAY);
        RiskAnalysis next = service.startRecurrence(id);
        assertThat(next.previousId()).isEqualTo(id);
        assertThat(next.risks()).singleElement().satisfies(r -> assertThat(r.probability()).isEqualTo(2));
        assertThat(service.search(new RiskFilter(null, AnalysisLevel.INDIVID, null, null, null, true)))
                .noneMatch(r -> r.id() == id || r.id() == next.id());
    }

    @Test
    void theAppendixGroupsDecidedAnalysesByBusinessAreaAndExportsToXlsx() throws Exception {
        int year = TestDb.TODAY.getYear() - 1;
        List<AppendixRow> rows = service.appendix(year);
        assertThat(rows).extracting(AppendixRow::analysis).contains(
                "Riskanalys inför sammanslagning av sektionerna Björkhagen och Ekbacken",
                "Riskanalys inför schemaändring för nattarbete");
        assertThat(rows).filteredOn(r -> r.analysis().contains("schemaändring")).singleElement()
                .satisfies(r -> assertThat(r.measures()).startsWith("Inga åtgärder."));
        assertThat(rows).filteredOn(r -> r.analysis().contains("sammanslagning")).singleElement()
                .satisfies(r -> {
                    assertThat(r.businessArea()).isEqualTo("Hemtjänst");
                    assertThat(r.measures()).contains("Informationsbrev");
                    assertThat(r.improvedRoutines()).contains("Kontaktmannaskapet");
                });
        Path xlsx = dir.resolve("bilaga1.xlsx");
        new RiskAppendixExporter(SV).export(year, rows, xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            StringBuilder all = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> all.append(c.getStringCellValue()).append('|')));
            assertThat(all).contains("VERKSAMHETSOMRÅDE HEMTJÄNST", "Genomförd riskanalys",
                    "Riskanalys inför sammanslagning av sektionerna Björkhagen och Ekbacken");
        }
    }

    @Test
    void oneAnalysisExportsToWordAndPdfWithSwedishLetters() throws Exception {
        RiskAnalysisRow it = service.search(new RiskFilter(null, null, null, RiskTrigger.NYTT_IT_SYSTEM, null, false))
                .stream().filter(r -> r.title().contains("verksamhetssystem")).findFirst().orElseThrow();
        RiskReport report = service.report(it.id());
        RiskReportExporter exporter = new RiskReportExporter(SV);
        Path docx = dir.resolve("analys.docx");
        exporter.docx(report, TestDb.TODAY, docx);
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
            assertThat(doc.getParagraphs()).anyMatch(p -> "Heading1".equals(p.getStyle())
                    && p.getText().contains("byte till nytt verksamhetssystem"));
            assertThat(doc.getStyles().styleExist("Heading2")).isTrue();
            var riskTable = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("#")).findFirst().orElseThrow();
            assertThat(riskTable.getNumberOfRows()).isEqualTo(1 + report.analysis().risks().size());
            assertThat(riskTable.getRow(1).getCell(4).getColor()).isNotNull();
            assertThat(doc.getFooterList()).isNotEmpty();
        }
        Path pdf = dir.resolve("analys.pdf");
        exporter.pdf(report, TestDb.TODAY, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Genomförandeplaner följer inte med", "Åtgärder", "Sida 1 av " + doc.getNumberOfPages());
        }
        String keep = System.getProperty("risk.pdf.keep", "");
        if (!keep.isEmpty()) {
            Files.copy(pdf, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
