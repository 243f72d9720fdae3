package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.cycle.AnnualActivity;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.lists.DeadlineRule;
import se.kvalitetshjulet.domain.lists.LegalReference;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.plan.Dialogue;
import se.kvalitetshjulet.domain.plan.Goal;
import se.kvalitetshjulet.domain.plan.QualityPlan;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.domain.trend.MonthDenominator;

/**
 * Decision 0035 on both engines: every service write to a table people edit leaves the program's own audit row in
 * the same transaction (at least one new row per write, counted write by write). On PostgreSQL the writes run as a
 * quality coordinator's own login, and at the end not one row was written by the database's deferred check
 * (db/postgresql V26): a write path that forgot its audit row would show up here as a "skriven av databasen" row.
 * The chain verifies afterwards.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class EveryWriteAuditedTest {
    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;

    AppContext admin;
    AppContext ctx;
    final Map<String, Long> rowsPerWrite = new LinkedHashMap<>();

    private void write(String what, Runnable write) {
        long before = admin.audit().count();
        write.run();
        long written = admin.audit().count() - before;
        rowsPerWrite.put(what, written);
    }

    private static void ok(SaveResult<?> r) {
        assertThat(r.problems()).as("refused").isEmpty();
    }

    private Deviation draft(long unit, long category, String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        return new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "Undersköterska", title, "Dörren var olåst.", "", "", "",
                List.of(), null, false, null, null, null, null);
    }

    @Test
    void everyServiceWriteToAnEditedTableCarriesTheProgramsOwnAuditRow() throws Exception {
        admin = TestDb.open(engine, dir);
        try {
            long unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null)).id();
            ctx = engine == TestDb.Engine.SQLITE ? admin : coordinatorLogin(unit);
            runEveryWrite(unit);
            List<String> silent = rowsPerWrite.entrySet().stream().filter(e -> e.getValue() < 1).map(Map.Entry::getKey)
                    .toList();
            assertThat(silent).as("writes without an audit row of their own").isEmpty();
            if (engine == TestDb.Engine.POSTGRESQL) {
                var al = se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;
                List<String> byDatabase = admin.database().dsl().select(al.ENTITY, al.REASON).from(al)
                        .where(al.REASON.like("skriven av databasen%")).fetch(r -> r.value1() + ": " + r.value2());
                assertThat(byDatabase).as("rows the database had to write because the program did not").isEmpty();
            }
            assertThat(admin.audit().verify().breaks()).isEmpty();
        } finally {
            if (ctx != null && ctx != admin) {
                ctx.close();
            }
            admin.close();
        }
    }

    private AppContext coordinatorLogin(long unit) {
        TestPostgres pg = TestPostgres.get();
        String url = admin.database().describe();
        String database = url.substring(url.lastIndexOf('/') + 1);
        String login = "kvu_" + database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        access.createLogin(login, "pw-" + login);
        access.grant(login, AccessRole.KVALITETSUTVECKLARE, unit);
        pg.rememberPassword(login, "pw-" + login);
        return new AppContext(Database.open(pg.url(login, database)), TestDb.clock());
    }

    void runEveryWrite(long unitId) {
        long category = ctx.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        // the organisation and the lists
        Long[] child = new Long[1];
        write("unit", () -> child[0] = ctx.units().save(new Unit(null, unitId, "Sektion Björkhagen", OrgLevel.SEKTION,
                null, ProviderKind.KOMMUNAL, null, null, null)).id());
        write("list entry", () -> ok(ctx.lists().add(ListKind.DEVIATION_CATEGORY, null, "Brand och rök 2026")));
        write("cause entry", () -> ok(ctx.lists().add(ListKind.CAUSE, null, "Stress i arbetet 2026")));
        write("measure type", () -> ok(ctx.lists().add(ListKind.MEASURE_TYPE, null, "Enskilt samtal 2026")));
        write("risk reason", () -> ok(ctx.lists().add(ListKind.RISK_REASON, "TEKNIK9", "Ny teknik i hemmet 2026")));
        write("council type", () -> ok(ctx.lists().add(ListKind.COUNCIL_TYPE, "EXTRA9", "Extra kvalitetsråd 2026")));
        write("business area", () -> ok(ctx.lists().add(ListKind.BUSINESS_AREA, "ELEV9", "Elevhälsa 2026")
                ));
        write("deadline rule", () -> ok(ctx.lists().saveDeadline(new DeadlineRule("KVALITETSAVVIKELSE", 21,
                null))));
        LegalReference ref = ctx.lists().references().getFirst();
        write("legal reference", () -> ok(ctx.lists().saveReference(new LegalReference(ref.id(), ref.lawCode(),
                ref.citation() + " (ändrad)", ref.validFrom(), ref.validTo()))));
        write("denominators", () -> ok(ctx.denominatorService().save(unitId, List.of(
                new MonthDenominator(YearMonth.of(2026, 10), 40, 1200, null)))));
        write("import mapping", () -> ctx.importMappingService().save("Synpunkter", se.kvalitetshjulet.service.imports.ImportMapping.empty()));
        // deviations: a case, its link, a measure
        Deviation a = ctx.deviationService().save(draft(unitId, category, "Olåst dörr"), false).value();
        Deviation b = ctx.deviationService().save(draft(unitId, category, "Olåst dörr igen"), false).value();
        write("deviation link", () -> ok(ctx.deviationService().link(b.id(), a.caseRef(), "DUPLICATE")));
        // risk and event analyses, risk templates
        RiskTemplate four = ctx.riskService().templates().stream().filter(t -> t.kind() == AnalysisKind.HANDELSEANALYS)
                .findFirst().orElseThrow();
        write("risk template", () -> ok(ctx.riskService().saveTemplate(new RiskTemplate(null, "Egen mall",
                AnalysisKind.RISKANALYS, List.of("Beskriv processen"), four.matrix(), true))));
        RiskAnalysis draft = RiskAnalysis.newDraft(four, unitId, TestDb.TODAY);
        write("event analysis with risks, steps, timeline, causes, deviations", () -> ok(ctx.riskService().save(
                new RiskAnalysis(null, four.id(), four.kind(), AnalysisStatus.UTKAST, "Fall i badrummet",
                        AnalysisLevel.ENHET, unitId, null, TestDb.TODAY, "", "", "", "", null, null, null, null,
                        List.of(new Risk(null, "Halt golv", "", "", 3, 4, null, null)), draft.steps(),
                        List.of(new TimelineEntry(TestDb.TODAY.atTime(8, 0), "Larmet gick")),
                        List.of(new UnderlyingCause(CauseCategory.MILJO, "Halt golv")), List.of(b.id())), false)));
        // councils: meeting, participants, agenda, reviewed deviations, decisions, follow-up
        Meeting[] m = new Meeting[1];
        write("council meeting with participants", () -> m[0] = ctx.councilService().save(new Meeting(null, unitId,
                TestDb.TODAY, "Kvalitetsråd Norr", false, null, null,
                List.of(new Meeting.Participant("Eva Ek", "Sektionschef")), null)).value());
        write("agenda item", () -> ok(ctx.councilService().addAgendaItem(m[0].id(), "Bemanning under julen", null)));
        write("reviewed deviation", () -> ctx.councilService().setReviewed(m[0].id(), a.id(), true));
        Measure[] decision = new Measure[1];
        write("council decision", () -> decision[0] = ctx.councilService().addDecision(m[0].id(), "Ny rutin för nycklar",
                "Eva Ek", TestDb.TODAY.plusDays(30)).value());
        write("council follow-up", () -> ok(ctx.councilService().followUp(m[0].id(), decision[0].id(),
                se.kvalitetshjulet.domain.council.FollowUpOutcome.DONE, "Rutinen finns", null)));
        write("ordered analysis", () -> ok(ctx.councilService().orderAnalysis(m[0].id(), decision[0].id(),
                AnalysisKind.RISKANALYS)));
        // quality dialogues, plans, goals, links
        write("quality dialogue", () -> ok(ctx.qualityPlanService().saveDialogue(new Dialogue(null, unitId, 2026,
                "Dag", LocalDate.of(2026, 2, 12), "Eva Ek", "Trygga", "Fler aktiviteter", null, "84 % nöjda",
                "Två klagomål", "Gott bemötande", "Fler aktiviteter"), true)));
        QualityPlan[] plan = new QualityPlan[1];
        write("quality plan", () -> plan[0] = ctx.qualityPlanService().planFor(unitId, 2026, "Kvalitetsplan 2026"));
        write("quality goal", () -> ok(ctx.qualityPlanService().saveGoal(new Goal(null, plan[0].id(), 1,
                "Färre fall", null, Goal.GoalStatus.ONGOING, null))));
        write("plan link", () -> ctx.qualityPlanService().link(plan[0].id(), decision[0].id()));
        // the annual cycle
        AnnualActivity[] act = new AnnualActivity[1];
        write("annual activity", () -> act[0] = ctx.annualCycleService().save(new AnnualActivity(null,
                "Patientsäkerhetsberättelse", "Klar till nämnden", 3, 1, true, null, true)).value());
        write("annual activity done", () -> ctx.annualCycleService().setDone(act[0].id(), 2026, true));
        // reports and board meetings
        write("report texts", () -> ok(ctx.reports().saveTexts(new ReportTexts(null, 2025, 0, null,
                "Året i korthet.", "Fallprevention.", "", "", ""))));
        write("board meeting", () -> ctx.reports().saveMeeting(new BoardMeeting(null, TestDb.TODAY.plusDays(20),
                "Socialnämnden", null)));
        // self-checks: a template with a section and questions, a round
        Template[] template = new Template[1];
        write("self-check template", () -> template[0] = ctx.selfChecks().saveTemplate(Template.draft("Lex Sarah", null,
                List.of(new TemplateSection(null, "Rutiner", List.of(new Question(null, "kand",
                        "Känner all personal till rutinen?", AnswerType.YES_NO, true, null, null, List.of(),
                        FindingRule.NO_OR_PARTLY)))))).value());
        write("self-check round", () -> ok(ctx.selfChecks().createRound(Round.standard("Lex Sarah",
                template[0].id(), 2026, false))));
        // key figures: own figure and values, comparisons, followed
        Long[] figure = new Long[1];
        write("own key figure", () -> figure[0] = ctx.keyFigures().saveOwnFigure(new OwnFigure(null, "PK14",
                "Personalkontinuitet", OwnFigure.Measure.MEDIAN, "personer", true, null)).value());
        write("own values", () -> ok(ctx.keyFigures().saveOwnValues(List.of(new OwnValue(figure[0], unitId, 2025,
                3, 16.0, 31)))));
        write("comparisons", () -> ok(ctx.keyFigures().setComparisons(List.of(new ComparisonChoice("0180",
                ComparisonRole.SIMILAR)))));
        write("followed key figures", () -> assertThat(ctx.keyFigures().setFollowed(List.of("N00945"))).isTrue());
        write("kolada unit link", () -> ok(ctx.unitKeyFigures().linkOu("V15E128000102", unitId)));
        write("individual follow-up", () -> ok(ctx.followUps().save(new se.kvalitetshjulet.domain.keyfigure.FollowUp(null,
                "HT-2026-0042", LocalDate.of(2026, 11, 2), unitId, "Hemtjänst", true, true, true, false,
                "Önskemål om fler promenader följs upp"))));
        List<String> none = new ArrayList<>(rowsPerWrite.keySet());
        assertThat(none).hasSizeGreaterThan(30);
    }
}
