package se.kvalitetshjulet.service;

import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class SelfCheckServiceTest {
    /** The same assertions on a SQLite file and on a real PostgreSQL server (decision 10). */
    @Parameter
    TestDb.Engine engine;

    @TempDir
    Path dir;

    /** A small tree: one enhet with two sections, and the hygiene template. */
    private static long[] setUp(AppContext ctx) {
        Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Unit a = ctx.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Unit b = ctx.units().save(new Unit(null, enhet.id(), "Sektion B", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Template t = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        Round r = ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
        return new long[] {t.id(), r.id(), a.id(), b.id()};
    }

    private static ResponseRow responseOf(AppContext ctx, long roundId, long unitId) {
        return ctx.selfChecks().responses(roundId, unitId).getFirst();
    }

    private static Question byKey(Template t, String key) {
        return t.questions().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<Answer> fullAnswers(Template t, String yesNo, String percent) {
        List<Answer> out = new ArrayList<>();
        out.add(new Answer(null, byKey(t, "ppm_datum").id(), "2026-02-20", null));
        out.add(new Answer(null, byKey(t, "ppm_andel").id(), percent, null));
        out.add(new Answer(null, byKey(t, "klader").id(), yesNo, "Kommentar"));
        out.add(new Answer(null, byKey(t, "smycken").id(), "JA", null));
        out.add(new Answer(null, byKey(t, "ombud").id(), "JA", null));
        out.add(new Answer(null, byKey(t, "intro").id(), "Webbutbildning", null));
        return out;
    }

    @Test
    void aRoundGoesToTheLeafUnitsAndFreezesItsTemplateSoEditsBecomeANewVersion() {
        try (AppContext ctx = TestDb.open(engine, dir)) {
            long[] ids = setUp(ctx);
            assertThat(ctx.selfChecks().responses(ids[1], null)).extracting(ResponseRow::unitName)
                    .containsExactlyInAnyOrder("Sektion A", "Sektion B");
            Template v1 = ctx.selfChecks().template(ids[0]);
            assertThat(v1.frozen()).isTrue();
            Template edited = ctx.selfChecks().saveTemplate(v1.withName("Basala hygienrutiner 2.0")).value();
            assertThat(edited.id()).isNotEqualTo(v1.id());
            assertThat(edited.version()).isEqualTo(2);
            assertThat(edited.familyId()).isEqualTo(v1.familyId());
            assertThat(ctx.selfChecks().template(v1.id()).name()).isEqualTo("Basala hygienrutiner och klädregler");
            assertThat(ctx.selfChecks().templates()).extracting(Template::id).containsExactly(edited.id());
            assertThat(ctx.selfChecks().history(v1.familyId())).extracting(Template::version).containsExactly(2, 1);
            Template again = ctx.selfChecks().saveTemplate(edited.withName("Hygien")).value();
            assertThat(again.id()).as("an unused version is edited in place").isEqualTo(edited.id());
        }
    }

    @Test
    void aDraftSurvivesClosingAndReopeningTheDatabase() {
        long responseId;
        long questionId;
        String where;
        try (AppContext ctx = TestDb.open(engine, dir)) {
            where = ctx.database().describe();
            long[] ids = setUp(ctx);
            Template t = ctx.selfChecks().template(ids[0]);
            responseId = responseOf(ctx, ids[1], ids[2]).id();
            questionId = byKey(t, "klader").id();
            ctx.selfChecks().saveDraft(responseId, List.of(new Answer(null, questionId, "DELVIS", "Förkläden saknas")));
        }
        try (AppContext again = new AppContext(Database.open(where), TestDb.clock())) {
            SelfCheckService.Form form = again.selfChecks().open(responseId);
            assertThat(form.response().status()).isEqualTo(ResponseStatus.DRAFT);
            assertThat(form.answers().get(questionId).value()).isEqualTo("DELVIS");
            assertThat(form.answers().get(questionId).comment()).isEqualTo("Förkläden saknas");
        }
    }

    @Test
    void submittingValidatesRequiredAnswersThenLocksAndReopeningKeepsTheReason() {
        try (AppContext ctx = TestDb.open(engine, dir)) {
            long[] ids = setUp(ctx);
            Template t = ctx.selfChecks().template(ids[0]);
            long responseId = responseOf(ctx, ids[1], ids[2]).id();
            SaveResult<ResponseRow> refused = ctx.selfChecks().submit(responseId,
                    List.of(new Answer(null, byKey(t, "klader").id(), "JA", null)));
            assertThat(refused.ok()).isFalse();
            assertThat(refused.problems()).extracting(Problem::messageKey).containsOnly("selfcheck.answer.required");
            assertThat(refused.problems()).hasSize(5);
            assertThat(ctx.selfChecks().open(responseId).answers()).as("the draft is kept").hasSize(1);

            assertThat(ctx.selfChecks().submit(responseId, fullAnswers(t, "JA", "95")).ok()).isTrue();
            assertThat(responseOf(ctx, ids[1], ids[2]).status()).isEqualTo(ResponseStatus.SUBMITTED);
            assertThatThrownBy(() -> ctx.selfChecks().saveDraft(responseId, fullAnswers(t, "NEJ", "95")))
                    .hasMessageContaining("låst");

            assertThat(ctx.selfChecks().reopen(responseId, " ").ok()).isFalse();
            assertThat(ctx.selfChecks().reopen(responseId, "Fel procentsats angavs").ok()).isTrue();
            assertThat(responseOf(ctx, ids[1], ids[2]).status()).isEqualTo(ResponseStatus.REOPENED);
            var history = ctx.audit().history("self_check_response", responseId);
            assertThat(history.getFirst().afterJson()).contains("Fel procentsats angavs").contains("REOPENED");
            assertThat(ctx.selfChecks().saveDraft(responseId, fullAnswers(t, "NEJ", "95"))).isEqualTo(1);
        }
    }

    @Test
    void theCompilationCountsAnswersComputesMeansAndBuildsBilaga2(@TempDir Path out) throws Exception {
        try (AppContext ctx = TestDb.open(engine, dir)) {
            long[] ids = setUp(ctx);
            Template t = ctx.selfChecks().template(ids[0]);
            long a = responseOf(ctx, ids[1], ids[2]).id();
            long b = responseOf(ctx, ids[1], ids[3]).id();
            ctx.selfChecks().submit(a, fullAnswers(t, "JA", "95"));
            ctx.selfChecks().submit(b, fullAnswers(t, "NEJ", "80"));
            var action = ctx.selfChecks().addAction(b, byKey(t, "klader").id(), "Köp in fler arbetskläder",
                    "Sektionschef", TestDb.TODAY.plusDays(30));
            assertThat(action.ok()).isTrue();
            assertThat(ctx.selfChecks().addAction(b, byKey(t, "klader").id(), "", null, null).problems())
                    .extracting(Problem::messageKey).containsExactlyInAnyOrder("selfcheck.action.whatRequired",
                            "selfcheck.action.responsibleRequired", "selfcheck.action.dueRequired");
            ctx.selfChecks().markActionDone(action.value().id(), TestDb.TODAY);

            Compilation c = ctx.selfChecks().compile(ids[1]);
            var klader = c.questions().stream().filter(q -> q.questionId() == byKey(t, "klader").id()).findFirst().orElseThrow();
            assertThat(klader.count("JA")).isEqualTo(1);
            assertThat(klader.count("NEJ")).isEqualTo(1);
            assertThat(klader.findings()).isEqualTo(1);
            var ppm = c.questions().stream().filter(q -> q.questionId() == byKey(t, "ppm_andel").id()).findFirst().orElseThrow();
            assertThat(ppm.mean()).isEqualTo(87.5);
            assertThat(ppm.findings()).isEqualTo(1);
            var intro = c.questions().stream().filter(q -> q.questionId() == byKey(t, "intro").id()).findFirst().orElseThrow();
            assertThat(intro.count("Webbutbildning")).isEqualTo(2);

            assertThat(c.units()).extracting(Compilation.UnitResult::result)
                    .containsExactly(ResultLevel.NO_REMARKS, ResultLevel.DEFICIENCIES);
            var rows = c.bilaga2();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).unit()).isEqualTo("Sektion B");
            assertThat(rows.get(1).result()).isEqualTo("Brister har konstaterats");
            assertThat(rows.get(1).actions()).isEqualTo("Köp in fler arbetskläder");
            // "Processer och rutiner som förbättrats" holds what the user wrote (nothing here), never the question's
            // legal reference (issue 21)
            assertThat(rows.get(1).routines()).isEmpty();
            assertThat(c.areas()).singleElement().satisfies(x -> {
                assertThat(x.submitted()).isEqualTo(2);
                assertThat(x.findings()).isEqualTo(2);
                assertThat(x.unitsWithFindings()).isEqualTo(1);
            });

            Path xlsx = out.resolve("sammanstallning.xlsx");
            ctx.selfCheckExporter().export(c, xlsx);
            try (var wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
                var sheet = wb.getSheet("Bilaga 2");
                assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Resultat av egenkontrollen");
                assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Brister har konstaterats");
            }
        }
    }

    @Test
    void aTemplateRoundTripsThroughJsonAndABadFileIsRefusedInSwedish() throws Exception {
        try (AppContext ctx = TestDb.open(engine, dir)) {
            Template t = ctx.selfChecks().saveTemplate(SelfCheckDemoData.documentationTemplate()).value();
            Path file = dir.resolve("mall.json");
            ctx.selfChecks().exportTemplate(t.id(), file);
            Template imported = ctx.selfChecks().importTemplate(file);
            assertThat(imported.id()).isNotEqualTo(t.id());
            assertThat(imported.familyId()).isNotEqualTo(t.familyId());
            assertThat(imported.questions().map(q -> q.withoutId()).toList())
                    .isEqualTo(t.questions().map(q -> q.withoutId()).toList());
            Template copy = ctx.selfChecks().duplicate(t.id(), "Kopia av dokumentation");
            assertThat(copy.questions().count()).isEqualTo(t.questions().count());

            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, "{\"format\":\"något annat\"}");
            assertThatThrownBy(() -> ctx.selfChecks().importTemplate(bad))
                    .hasMessage("Filen är inte en mall för egenkontroll från Kvalitetshjulet.");
            Files.writeString(bad, "inte json");
            assertThatThrownBy(() -> ctx.selfChecks().importTemplate(bad)).hasMessageContaining("inte en giltig JSON-fil");
        }
    }

    @Test
    void demoDataCreatesThreeTemplatesAndThreeAnsweredRoundsWithSpringAndAutumnOfHygiene() {
        try (AppContext ctx = TestDb.open(engine, dir)) {
            // The demo municipality includes the self-check demo (templates, rounds, answers).
            ctx.demoData().generate(42, TestDb.TODAY, p -> { });
            assertThat(ctx.selfChecks().templates()).hasSize(3);
            var rounds = ctx.selfChecks().rounds();
            assertThat(rounds).hasSize(3);
            assertThat(rounds).extracting(r -> r.round().name()).contains("Basala hygienrutiner och klädregler – mars 2026",
                    "Basala hygienrutiner och klädregler – september 2026");
            assertThat(rounds).allSatisfy(r -> {
                assertThat(r.submitted()).isGreaterThan(r.units() / 2);
                assertThat(r.notAnswered()).isPositive();
            });
            assertThat(rounds.stream().mapToLong(RoundRow::drafts).sum()).isPositive();
            var lexSarah = ctx.selfChecks().templates().stream().filter(x -> x.name().startsWith("Lex Sarah")).findFirst()
                    .orElseThrow();
            assertThat(lexSarah.version()).isEqualTo(2);
            Compilation c = ctx.selfChecks().compile(rounds.getFirst().round().id());
            assertThat(c.bilaga2()).isNotEmpty();
            assertThat(c.bilaga2()).extracting(Compilation.ReportRow::result).contains("Inga anmärkningar");
        }
    }
}
