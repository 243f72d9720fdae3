package se.kvalitetshjulet.service;

import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerDetail;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundComparison;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * The compilation of a round against answers written here by hand: compliance per unit, the comparison with the
 * spring round of the same template (a newer version: one question removed, one added), the drill-down, and the
 * coordinator's Bilaga 2 edits in the compilation, the XLSX and the annual report.
 */
class SelfCheckCompilationServiceTest {
    @TempDir
    Path dir;

    private record Setup(long marchId, long septemberId, long a, long b, Template v1, Template v2) { }

    private static Question byKey(Template t, String key) {
        return t.questions().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
    }

    /** ppm_datum (no rule), ppm_andel (below 90), klader, smycken (v1 only), ombud, intro, handsprit (v2 only). */
    private static List<Answer> answers(Template t, String klader, String percent, String comment) {
        List<Answer> out = new ArrayList<>();
        out.add(new Answer(null, byKey(t, "ppm_datum").id(), "2026-02-20", null));
        out.add(new Answer(null, byKey(t, "ppm_andel").id(), percent, null));
        out.add(new Answer(null, byKey(t, "klader").id(), klader, comment));
        t.questions().filter(q -> q.key().equals("smycken") || q.key().equals("handsprit"))
                .forEach(q -> out.add(new Answer(null, q.id(), "JA", null)));
        out.add(new Answer(null, byKey(t, "ombud").id(), "JA", null));
        out.add(new Answer(null, byKey(t, "intro").id(), "Webbutbildning", null));
        return out;
    }

    private static long response(AppContext ctx, long roundId, long unitId) {
        return ctx.selfChecks().responses(roundId, unitId).getFirst().id();
    }

    private static Setup setUp(AppContext ctx) {
        Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Unit a = ctx.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Unit b = ctx.units().save(new Unit(null, enhet.id(), "Sektion B", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Template v1 = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        Round march = ctx.selfChecks().createRound(Round.standard(v1.name(), v1.id(), 2026, true)).value();
        // March: A without remarks; B "nej" on work clothes and 80 % in the PPM (two findings of five assessable).
        ctx.selfChecks().submit(response(ctx, march.id(), a.id()), answers(v1, "JA", "95", null));
        long bMarch = response(ctx, march.id(), b.id());
        ctx.selfChecks().submit(bMarch, answers(v1, "NEJ", "80", "Förkläden saknas"));
        ctx.selfChecks().addAction(bMarch, byKey(v1, "klader").id(), "Köp in fler arbetskläder", "Sektionschef",
                TestDb.TODAY.plusDays(30));

        // Version 2 for the autumn: "smycken" removed, "handsprit" added.
        Template frozen = ctx.selfChecks().template(v1.id());
        List<TemplateSection> sections = new ArrayList<>();
        for (TemplateSection s : frozen.sections()) {
            List<Question> qs = new ArrayList<>(s.questions().stream().filter(q -> !q.key().equals("smycken")).toList());
            if (s.title().equals("Följsamhet")) {
                qs.add(new Question(null, "handsprit", "Finns handsprit vid varje arbetsplats?", AnswerType.YES_NO, true,
                        null, null, List.of(), FindingRule.NO_OR_PARTLY));
            }
            sections.add(new TemplateSection(s.id(), s.title(), qs));
        }
        Template v2 = ctx.selfChecks().saveTemplate(frozen.withSections(sections)).value();
        assertThat(v2.version()).isEqualTo(2);
        Round september = ctx.selfChecks().createRound(Round.standard(v2.name(), v2.id(), 2026, false)).value();
        // September: A "delvis" on work clothes (one finding of five); B without remarks.
        ctx.selfChecks().submit(response(ctx, september.id(), a.id()), answers(v2, "DELVIS", "92", "Byts varannan dag"));
        ctx.selfChecks().submit(response(ctx, september.id(), b.id()), answers(v2, "JA", "96", null));
        return new Setup(march.id(), september.id(), a.id(), b.id(), v1, v2);
    }

    @Test
    void complianceAndTheComparisonWithSpringMatchTheAnswers() {
        try (AppContext ctx = TestDb.open(dir)) {
            Setup s = setUp(ctx);
            Compilation march = ctx.selfChecks().compile(s.marchId());
            // Assessable: ppm_andel, klader, smycken, ombud, intro (ppm_datum has no rule).
            assertThat(march.units()).extracting(u -> u.compliance().percent()).containsExactly(100.0, 60.0);
            assertThat(march.compliance()).isEqualTo(new se.kvalitetshjulet.domain.selfcheck.Share(8, 10));

            assertThat(ctx.selfChecks().previousRound(s.septemberId()).orElseThrow().id()).isEqualTo(s.marchId());
            assertThat(ctx.selfChecks().previousRound(s.marchId())).isEmpty();
            assertThat(ctx.selfChecks().comparableRounds(s.septemberId())).extracting(Round::id).containsExactly(s.marchId());

            RoundComparison c = ctx.selfChecks().compare(s.septemberId(), s.marchId());
            assertThat(c.responseThen().percent()).isEqualTo(100.0);
            assertThat(c.responseNow().percent()).isEqualTo(100.0);
            assertThat(c.complianceThen().percent()).isEqualTo(80.0); // (5 + 3) of 10
            assertThat(c.complianceNow().percent()).isEqualTo(90.0); // (4 + 5) of 10
            assertThat(c.complianceChangePoints()).isCloseTo(10.0, within(1e-9));
            assertThat(c.units()).extracting(RoundComparison.UnitChange::unitName).containsExactly("Sektion A", "Sektion B");
            assertThat(c.units().get(0).changePoints()).isCloseTo(-20.0, within(1e-9)); // 100 → 80
            assertThat(c.units().get(1).changePoints()).isCloseTo(40.0, within(1e-9)); // 60 → 100

            var byKey = new java.util.HashMap<String, RoundComparison.QuestionChange>();
            c.questions().forEach(q -> byKey.put(q.key(), q));
            assertThat(byKey.get("klader").presence()).isEqualTo(RoundComparison.Presence.BOTH);
            assertThat(byKey.get("klader").findingsThen().percent()).isEqualTo(50.0);
            assertThat(byKey.get("klader").findingsNow().percent()).isEqualTo(50.0);
            assertThat(byKey.get("ppm_andel").changePoints()).isCloseTo(-50.0, within(1e-9));
            assertThat(byKey.get("ppm_andel").meanThen()).isEqualTo(87.5);
            assertThat(byKey.get("ppm_andel").meanNow()).isEqualTo(94.0);
            assertThat(byKey.get("handsprit").presence()).isEqualTo(RoundComparison.Presence.NEW);
            assertThat(byKey.get("smycken").presence()).isEqualTo(RoundComparison.Presence.REMOVED);
            assertThat(byKey.get("ppm_datum").findingsNow().percent()).as("no rule: nothing to judge").isNull();
            assertThat(c.questions().getLast().key()).isEqualTo("smycken");
        }
    }

    @Test
    void ejAktuelltIsNeitherComplianceNorAFindingInTheCompilationOrTheChart() {
        try (AppContext ctx = TestDb.open(dir)) {
            Setup s = setUp(ctx);
            Unit c = ctx.units().save(new Unit(null, ctx.units().findAll().getFirst().id(), "Sektion C", OrgLevel.SEKTION,
                    null, ProviderKind.KOMMUNAL, null, null, null));
            Round extra = ctx.selfChecks().createRound(new Round(null, "Extra", s.v2().id(), TestDb.TODAY.minusDays(20),
                    TestDb.TODAY.minusDays(10), TestDb.TODAY.plusDays(10), c.id(), null)).value();
            // ppm_andel 95 (ok), klader "ej aktuellt", handsprit JA (ok), ombud JA (ok), intro (ok):
            // four assessable answers, no finding -> 100 %, not 5 of 5 with "ej aktuellt" counted as compliant.
            List<Answer> a = new ArrayList<>(answers(s.v2(), "EJ_AKTUELLT", "95", null));
            ctx.selfChecks().submit(response(ctx, extra.id(), c.id()), a);
            Compilation comp = ctx.selfChecks().compile(extra.id());
            assertThat(comp.units()).singleElement().satisfies(u -> {
                assertThat(u.assessable()).isEqualTo(4);
                assertThat(u.findings()).isZero();
            });
            // The same answers with "nej": five assessable, one finding -> 80 %.
            Round extra2 = ctx.selfChecks().createRound(new Round(null, "Extra 2", s.v2().id(), TestDb.TODAY.minusDays(9),
                    TestDb.TODAY.minusDays(5), TestDb.TODAY.plusDays(10), c.id(), null)).value();
            ctx.selfChecks().submit(response(ctx, extra2.id(), c.id()), answers(s.v2(), "NEJ", "95", null));
            assertThat(ctx.selfChecks().compile(extra2.id()).units()).singleElement()
                    .satisfies(u -> assertThat(u.compliance().percent()).isEqualTo(80.0));
            // The compliance chart counts the same way (C's two rounds among the family's, only C's units).
            var chart = ctx.trends().compliance(s.v2().familyId(), java.util.Set.of(c.id()));
            assertThat(chart).extracting(r -> r.assessable()).containsExactly(4L, 5L);
            assertThat(chart).extracting(r -> r.findings()).containsExactly(0L, 1L);
        }
    }

    @Test
    void roundsOfDifferentTemplatesAreNotCompared() {
        try (AppContext ctx = TestDb.open(dir)) {
            Setup s = setUp(ctx);
            Template other = ctx.selfChecks().saveTemplate(SelfCheckDemoData.documentationTemplate()).value();
            Round r = ctx.selfChecks().createRound(Round.standard(other.name(), other.id(), 2026, false)).value();
            assertThatThrownBy(() -> ctx.selfChecks().compare(r.id(), s.marchId())).hasMessageContaining("samma mall");
            assertThat(ctx.selfChecks().comparableRounds(r.id())).isEmpty();
        }
    }

    @Test
    void drillDownShowsAUnitsAnswersAndEveryUnitsAnswerToAQuestion() {
        try (AppContext ctx = TestDb.open(dir)) {
            Setup s = setUp(ctx);
            long bMarch = response(ctx, s.marchId(), s.b());
            List<AnswerDetail> mine = ctx.selfChecks().unitAnswers(bMarch);
            assertThat(mine).hasSize((int) s.v1().questions().count());
            AnswerDetail klader = mine.stream().filter(d -> d.question().startsWith("Bär all personal")).findFirst()
                    .orElseThrow();
            assertThat(klader.section()).isEqualTo("Följsamhet");
            assertThat(klader.value()).isEqualTo("NEJ");
            assertThat(klader.comment()).isEqualTo("Förkläden saknas");
            assertThat(klader.finding()).isTrue();
            assertThat(klader.actions()).containsExactly("Köp in fler arbetskläder");
            assertThat(mine.stream().filter(AnswerDetail::finding).count()).isEqualTo(2);

            List<AnswerDetail> perUnit = ctx.selfChecks().questionAnswers(s.marchId(), byKey(s.v1(), "klader").id());
            assertThat(perUnit).extracting(AnswerDetail::unitName).containsExactly("Sektion A", "Sektion B");
            assertThat(perUnit).extracting(AnswerDetail::value).containsExactly("JA", "NEJ");
            assertThat(perUnit).extracting(AnswerDetail::finding).containsExactly(false, true);
        }
    }

    @Test
    void anEditedBilaga2ResultSurvivesReloadAndReachesTheXlsxAndTheAnnualReport(@TempDir Path out) throws Exception {
        Setup s;
        long bMarch;
        try (AppContext ctx = TestDb.open(dir)) {
            s = setUp(ctx);
            bMarch = response(ctx, s.marchId(), s.b());
            Compilation before = ctx.selfChecks().compile(s.marchId());
            assertThat(before.units().get(1).result()).isEqualTo(ResultLevel.DEFICIENCIES); // 2 of 5 ≥ a quarter

            assertThat(ctx.selfChecks().saveBilaga2(bMarch, ResultLevel.SOME_DEFICIENCIES, "Rutin för 19121212-1212")
                    .problems()).extracting(Problem::messageKey).containsExactly("deviation.validation.identityNumberRefused");
            var saved = ctx.selfChecks().saveBilaga2(bMarch, ResultLevel.SOME_DEFICIENCIES,
                    "Rutinen för arbetskläder har skrivits om");
            assertThat(saved.ok()).isTrue();
            assertThat(saved.value().resultEdited()).isTrue();
            assertThat(saved.value().derivedResult()).isEqualTo(ResultLevel.DEFICIENCIES);
            assertThat(ctx.audit().history("self_check_response", bMarch).getFirst().afterJson())
                    .contains("SOME_DEFICIENCIES").contains("Rutinen för arbetskläder har skrivits om");
            // A unit that has not submitted has no Bilaga 2 row to edit.
            Template other = ctx.selfChecks().saveTemplate(SelfCheckDemoData.documentationTemplate()).value();
            Round r = ctx.selfChecks().createRound(Round.standard(other.name(), other.id(), 2026, false)).value();
            assertThatThrownBy(() -> ctx.selfChecks().saveBilaga2(response(ctx, r.id(), s.a()), ResultLevel.NO_REMARKS,
                    null)).hasMessageContaining("inskickad");
        }
        try (AppContext ctx = new AppContext(Database.open(dir.resolve("test.db")), TestDb.clock())) {
            Compilation c = ctx.selfChecks().compile(s.marchId());
            Compilation.UnitResult b = c.units().get(1);
            assertThat(b.result()).isEqualTo(ResultLevel.SOME_DEFICIENCIES);
            assertThat(b.derivedResult()).isEqualTo(ResultLevel.DEFICIENCIES);
            assertThat(b.routinesEdited()).isTrue();
            assertThat(c.bilaga2().get(1).result()).isEqualTo("Vissa brister har konstaterats");
            assertThat(c.bilaga2().get(1).routines()).isEqualTo("Rutinen för arbetskläder har skrivits om");

            Path xlsx = out.resolve("sammanstallning.xlsx");
            Compilation september = ctx.selfChecks().compile(s.septemberId());
            ctx.selfCheckExporter().export(c, null, xlsx);
            Path withComparison = out.resolve("sammanstallning-sep.xlsx");
            ctx.selfCheckExporter().export(september, ctx.selfChecks().compare(s.septemberId(), s.marchId()), withComparison);
            try (var wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
                Sheet bilaga = wb.getSheet("Bilaga 2");
                assertThat(bilaga.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Sektion B");
                assertThat(bilaga.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Vissa brister har konstaterats");
                assertThat(bilaga.getRow(2).getCell(4).getStringCellValue()).isEqualTo("Rutinen för arbetskläder har skrivits om");
                Sheet units = wb.getSheet("Per enhet");
                assertThat(units.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Följsamhet (%)");
                assertThat(units.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(100.0);
                assertThat(units.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(60.0);
                assertThat(wb.getSheet("Jämförelse")).as("no comparison asked for").isNull();
            }
            try (var wb = new XSSFWorkbook(Files.newInputStream(withComparison))) {
                Sheet cmp = wb.getSheet("Jämförelse");
                assertThat(cmp.getRow(0).getCell(0).getStringCellValue())
                        .isEqualTo("Basala hygienrutiner och klädregler – september 2026 jämfört med "
                                + "Basala hygienrutiner och klädregler – mars 2026");
                Row compliance = find(cmp, "Följsamhet");
                assertThat(compliance.getCell(1).getNumericCellValue()).isEqualTo(80.0);
                assertThat(compliance.getCell(2).getNumericCellValue()).isEqualTo(90.0);
                assertThat(compliance.getCell(3).getNumericCellValue()).isEqualTo(10.0);
                Row unitB = find(cmp, "Sektion B");
                assertThat(unitB.getCell(1).getNumericCellValue()).isEqualTo(60.0);
                assertThat(unitB.getCell(2).getNumericCellValue()).isEqualTo(100.0);
                Row removed = find(cmp, "Arbetar personalen utan ringar, armbandsur och armband?");
                assertThat(removed.getCell(2)).as("not asked in September").isNull();
                assertThat(removed.getCell(7).getStringCellValue()).isEqualTo("Borttagen fråga");
            }

            var report = ctx.reports().build(new ReportService.Request(ReportKind.ANNUAL, 2026, 0, null, false, null),
                    TestDb.TODAY, (f, what) -> { }, () -> false);
            assertThat(report.selfChecks().rows()).filteredOn(r -> r.unit().equals("Sektion B"))
                    .filteredOn(r -> r.check().startsWith("Basala"))
                    .extracting(se.kvalitetshjulet.service.report.ReportModel.Bilaga2Row::result)
                    .contains("Vissa brister har konstaterats."); // the report writes the phrase as a sentence, as seed 002
            assertThat(report.selfChecks().rows()).anySatisfy(r ->
                    assertThat(r.routines()).isEqualTo("Rutinen för arbetskläder har skrivits om"));

            // Back to the derived value: the derived result and the routines of the done actions again.
            var reset = ctx.selfChecks().saveBilaga2(bMarch, b.derivedResult(), null);
            assertThat(reset.value().resultEdited()).isFalse();
            assertThat(reset.value().routinesEdited()).isFalse();
            assertThat(ctx.selfChecks().compile(s.marchId()).bilaga2().get(1).result()).isEqualTo("Brister har konstaterats");
        }
    }

    private static Row find(Sheet s, String firstCell) {
        for (Row r : s) {
            if (r.getCell(0) != null && firstCell.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("No row starting with " + firstCell);
    }
}
