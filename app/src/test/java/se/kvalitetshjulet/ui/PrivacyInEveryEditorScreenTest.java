package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.ui.ScreenFixture.IDENTIFYING;
import static se.kvalitetshjulet.ui.ScreenFixture.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.Start;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.Mode;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.RiskFilter;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * Issue 13, "every free text is checked before it is stored", on screen: in each editor the user types "19121212-1212
 * Anna Svensson" and saves. Under "warn" the one privacy question appears and names both, by field; "Ändra texten"
 * keeps the editor as it was with nothing stored; "Spara ändå" stores. Under "refuse" nothing is stored and the
 * editor says why.
 */
@ExtendWith(ApplicationExtension.class)
class PrivacyInEveryEditorScreenTest {
    private Stage stage;
    private ScreenFixture fx;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void policyBack(FxRobot robot) {
        closeEditor(robot);
        if (fx != null) {
            fx.close();
        }
    }

    private void show(FxRobot robot, ScreenFixture fixture, String section) throws Exception {
        fx = fixture;
        robot.interact(() -> fx.show(stage));
        fx.open(robot, section);
    }

    private static void type(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
    }

    /** The label's text, looked up on the FX thread (a lookup from the test thread races the form's own changes). */
    private static String problemsOf(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    // ---- self-check comment and submit -----------------------------------------------------

    @Test
    void aSelfCheckCommentIsAskedAboutOnSubmitAndUnderRefuseNeitherStoredNorSubmitted(FxRobot robot) throws Exception {
        var ctx = TestDb.open(dir);
        Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        ctx.units().save(new Unit(null, enhet.id(), "Sektion Björkhagen", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Template t = ctx.selfChecks().saveTemplate(Template.draft("Lex Sarah", null, List.of(new TemplateSection(null,
                "Rutiner", List.of(new Question(null, "kand", "Känner all personal till rutinen för lex Sarah?",
                        AnswerType.YES_NO, true, null, null, List.of(), FindingRule.NO_OR_PARTLY)))))).value();
        ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, false));
        long q = t.questions().findFirst().orElseThrow().id();
        show(robot, ScreenFixture.on(ctx), "selfchecks");
        ListView<ResponseRow> list = robot.lookup("#selfCheckMyList").queryListView();
        waitUntil(() -> list.getItems().size() == 1);
        long response = list.getItems().getFirst().id();
        robot.clickOn(robot.from(list).lookup(".list-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#answer-" + q + "-JA").tryQuery().isPresent());
        robot.clickOn("#answer-" + q + "-NEJ");
        type(robot, "#comment-" + q, IDENTIFYING + " bar ring");
        String field = "Kommentar till ”Känner all personal till rutinen för lex Sarah?”";

        fx.answer(false);
        robot.clickOn("#selfCheckSubmit");
        fx.waitForQuestion(1, field);
        waitUntil(() -> ctx.selfChecks().open(response).response().status() != ResponseStatus.SUBMITTED);
        assertThat(robot.lookup("#selfCheckSubmit").queryButton().isDisabled()).as("the form stays open").isFalse();
        assertThat(robot.lookup("#comment-" + q).queryAs(TextInputControl.class).getText()).startsWith(IDENTIFYING);

        // Under refuse the comment is not stored even as a draft, submitting is refused, and the form says why.
        fx.policy(TextKind.SELF_CHECK, Mode.REFUSE);
        type(robot, "#comment-" + q, IDENTIFYING + " bär ring");
        waitUntil(() -> problemsOf(robot, "#selfCheckProblems").contains("sparas inte"));
        assertThat(String.valueOf(ctx.selfChecks().open(response).answers().get(q).comment())).doesNotContain("bär ring");
        robot.clickOn("#selfCheckSubmit");
        waitUntil(() -> problemsOf(robot, "#selfCheckProblems").contains("texten innehåller personnummer 19121212-1212"));
        assertThat(fx.dialogs.privacyQuestions).hasSize(1);
        assertThat(ctx.selfChecks().open(response).response().status()).isNotEqualTo(ResponseStatus.SUBMITTED);

        // "Spara ändå" under warn submits it as written.
        fx.policy(TextKind.SELF_CHECK, Mode.WARN);
        fx.answer(true);
        robot.clickOn("#selfCheckSubmit");
        fx.waitForQuestion(2, field);
        waitUntil(() -> ctx.selfChecks().open(response).response().status() == ResponseStatus.SUBMITTED);
        assertThat(ctx.selfChecks().open(response).answers().get(q).comment()).isEqualTo(IDENTIFYING + " bär ring");
        assertThat(fx.dialogs.unexpected).isEmpty();
        fx.close();
        fx = null;
        ctx.close();
    }

    // ---- risk analysis and händelseanalys (timeline) ----------------------------------------

    @SuppressWarnings("unchecked")
    private void newAnalysis(FxRobot robot, AnalysisKind kind, String title) throws Exception {
        ComboBox<RiskTemplate> template = robot.lookup("#riskTemplate").queryAs(ComboBox.class);
        waitUntil(() -> template.getItems().stream().anyMatch(x -> x.kind() == kind));
        robot.interact(() -> template.setValue(template.getItems().stream().filter(x -> x.kind() == kind && x.active())
                .findFirst().orElseThrow()));
        robot.clickOn("#riskNew");
        waitUntil(() -> robot.lookup("#riskTitle").tryQuery().isPresent());
        ComboBox<Unit> unit = robot.lookup("#riskUnit").queryAs(ComboBox.class);
        ComboBox<RiskTrigger> trigger = robot.lookup("#riskTrigger").queryAs(ComboBox.class);
        waitUntil(() -> !unit.getItems().isEmpty());
        type(robot, "#riskTitle", title);
        robot.interact(() -> {
            unit.setValue(unit.getItems().stream().filter(u -> u.name().equals("Nattpatrullen")).findFirst().orElseThrow());
            trigger.setValue(trigger.getItems().getFirst());
        });
    }

    private boolean stored(String title) {
        return fx.ctx.riskService().search(RiskFilter.all()).stream().anyMatch(r -> r.title().equals(title));
    }

    /** Closes the editor window without its discard question (which is not behind the dialog service). */
    private static void closeEditor(FxRobot robot) {
        robot.lookup("#riskEditor").tryQuery().ifPresent(n -> robot.interact(() -> n.getScene().getWindow().hide()));
    }

    @Test
    void aRiskAnalysisAsksBeforeSavingAndUnderRefuseStoresNothing(FxRobot robot) throws Exception {
        show(robot, ScreenFixture.demo(), "risks");
        String title = "Riskanalys inför nytt nyckelsystem";
        newAnalysis(robot, AnalysisKind.RISKANALYS, title);
        type(robot, "#riskProcess", IDENTIFYING + " lämnar ut nycklar");

        fx.answer(false);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        fx.waitForQuestion(1, "Process som analyseras");
        assertThat(stored(title)).isFalse();
        assertThat(robot.lookup("#riskProcess").queryAs(TextInputControl.class).getText()).startsWith(IDENTIFYING);

        fx.policy(TextKind.RISK_ANALYSIS, Mode.REFUSE);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> problemsOf(robot, "#riskProblems").contains("får inte sparas"));
        assertThat(problemsOf(robot, "#riskProblems")).contains("19121212-1212").contains("Anna Svensson");
        assertThat(stored(title)).isFalse();
        assertThat(fx.dialogs.privacyQuestions).hasSize(1);

        fx.policy(TextKind.RISK_ANALYSIS, Mode.WARN);
        fx.answer(true);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        fx.waitForQuestion(2, "Process som analyseras");
        waitUntil(() -> stored(title));
        assertThat(fx.dialogs.unexpected).isEmpty();
    }

    @Test
    void anEventAnalysisTimelineIsCheckedBeforeTheAnalysisIsStored(FxRobot robot) throws Exception {
        show(robot, ScreenFixture.demo(), "risks");
        String title = "Händelseanalys av fall i trapphuset";
        newAnalysis(robot, AnalysisKind.HANDELSEANALYS, title);
        TabPane tabs = robot.lookup("#riskTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(4));
        type(robot, "#riskTimelineAt", "2026-11-20 14:30");
        type(robot, "#riskTimelineWhat", IDENTIFYING + " föll i trappan");
        robot.clickOn("#riskTimelineAdd");
        TableView<?> timeline = robot.lookup("#riskTimeline").queryAs(TableView.class);
        waitUntil(() -> timeline.getItems().size() == 1);

        fx.answer(false);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        fx.waitForQuestion(1, "Tidslinjen 2026-11-20 14:30");
        assertThat(stored(title)).isFalse();
        assertThat(timeline.getItems()).hasSize(1);

        fx.policy(TextKind.RISK_ANALYSIS, Mode.REFUSE);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> problemsOf(robot, "#riskProblems").contains("får inte sparas"));
        assertThat(stored(title)).isFalse();
        assertThat(fx.dialogs.privacyQuestions).hasSize(1);
        assertThat(fx.dialogs.unexpected).isEmpty();
    }

    // ---- council decisions and minutes ------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void councilDecisionsAndMinutesAreCheckedBeforeTheyAreStored(FxRobot robot) throws Exception {
        show(robot, ScreenFixture.demo(), "councils");
        LocalDate on = fx.ctx.today().minusDays(2);
        ComboBox<Unit> unit = robot.lookup("#councilNewUnit").queryAs(ComboBox.class);
        waitUntil(() -> unit.getItems().size() > 1);
        DatePicker date = robot.lookup("#councilNewDate").queryAs(DatePicker.class);
        robot.interact(() -> {
            unit.setValue(unit.getItems().stream().filter(u -> u != null && u.name().equals("Nattpatrullen"))
                    .findFirst().orElseThrow());
            date.setValue(on);
        });
        robot.clickOn("#councilCreate");
        Label heading = robot.lookup("#councilHeading").queryAs(Label.class);
        waitUntil(() -> heading.getText().contains("Nattpatrullen") && heading.getText().contains(on.toString()));
        long meeting = fx.ctx.councilService().meetings(null).stream()
                .filter(r -> r.unitName().equals("Nattpatrullen") && r.heldOn().equals(on)).findFirst().orElseThrow().id();

        robot.clickOn("#councilTabDecisions");
        type(robot, "#councilDecisionWhat", "Samtal med " + IDENTIFYING + " om larmet");
        type(robot, "#councilDecisionResponsible", "Enhetschef");
        DatePicker due = robot.lookup("#councilDecisionDue").queryAs(DatePicker.class);
        robot.interact(() -> due.setValue(fx.ctx.today().plusDays(14)));
        fx.answer(false);
        robot.clickOn("#councilDecisionAdd");
        fx.waitForQuestion(1, "Beslut: vad ska göras?");
        assertThat(fx.ctx.councilService().view(meeting).decisions()).isEmpty();
        assertThat(robot.lookup("#councilDecisionWhat").queryAs(TextInputControl.class).getText()).contains(IDENTIFYING);

        fx.policy(TextKind.COUNCIL, Mode.REFUSE);
        robot.clickOn("#councilDecisionAdd");
        waitUntil(() -> problemsOf(robot, "#councilProblems").contains("får inte sparas"));
        assertThat(fx.ctx.councilService().view(meeting).decisions()).isEmpty();
        assertThat(fx.dialogs.privacyQuestions).hasSize(1);

        // The minutes: the patterns the council saw.
        fx.policy(TextKind.COUNCIL, Mode.WARN);
        robot.clickOn("#councilTabMinutes");
        type(robot, "#councilPatterns", IDENTIFYING + " har fallit tre gånger");
        robot.clickOn("#councilSaveMinutes");
        fx.waitForQuestion(2, "Mönster som rådet såg");
        assertThat(fx.ctx.councilService().find(meeting).orElseThrow().patterns()).isNull();

        fx.answer(true);
        robot.clickOn("#councilSaveMinutes");
        fx.waitForQuestion(3, "Mönster som rådet såg");
        waitUntil(() -> IDENTIFYING.concat(" har fallit tre gånger")
                .equals(fx.ctx.councilService().find(meeting).orElseThrow().patterns()));
        assertThat(fx.dialogs.unexpected).isEmpty();
    }

    // ---- actions: the effect check ----------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void anActionsEffectCheckIsCheckedBeforeTheActionCloses(FxRobot robot) throws Exception {
        ScreenFixture fixture = ScreenFixture.demo();
        var ctx = fixture.ctx;
        Meeting m = ctx.councilService().save(new Meeting(null, ctx.organisation().tree().roots().getFirst().id(),
                ctx.today(), "Förvaltningens kvalitetsråd", true, null, null, List.of())).value();
        Measure decision = ctx.councilService().addDecision(m.id(), "Se över nyckelhanteringen",
                "Ingrid Integritetsdotter", ctx.today().plusDays(14)).value();
        ctx.actionService().markDone(decision.id(), ctx.today());
        show(robot, fixture, "actions");
        TableView<ActionRow> table = robot.lookup("#actionTable").queryAs(TableView.class);
        // the field may hold a name remembered by an earlier test on the shared demo: replace it
        type(robot, "#actionMyName", "Ingrid Integritetsdotter");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().getFirst().measure().id().equals(decision.id()));
        robot.interact(() -> table.getSelectionModel().select(0));
        type(robot, "#actionEffectCheck", "Följt upp med " + IDENTIFYING);
        ComboBox<Boolean> effective = robot.lookup("#actionEffective").queryAs(ComboBox.class);
        robot.interact(() -> effective.setValue(Boolean.TRUE));

        fx.answer(false);
        robot.clickOn("#actionClose");
        fx.waitForQuestion(1, "Effektuppföljning");
        assertThat(ctx.actions().find(decision.id()).orElseThrow().effectChecked()).isFalse();

        fx.policy(TextKind.ACTION, Mode.REFUSE);
        robot.clickOn("#actionClose");
        waitUntil(() -> problemsOf(robot, "#actionProblems").contains("får inte sparas"));
        assertThat(ctx.actions().find(decision.id()).orElseThrow().effectChecked()).isFalse();
        assertThat(fx.dialogs.privacyQuestions).hasSize(1);

        fx.policy(TextKind.ACTION, Mode.WARN);
        fx.answer(true);
        robot.clickOn("#actionClose");
        fx.waitForQuestion(2, "Effektuppföljning");
        waitUntil(() -> ctx.actions().find(decision.id()).orElseThrow().effectChecked());
        assertThat(fx.dialogs.unexpected).isEmpty();
    }

    // ---- quality dialogue and plan ----------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void aQualityDialogueAndAGoalAreCheckedBeforeTheyAreStored(FxRobot robot) throws Exception {
        show(robot, ScreenFixture.demo(), "quality");
        ComboBox<Unit> unit = robot.lookup("#planUnit").queryAs(ComboBox.class);
        waitUntil(() -> unit.getItems().size() > 1);
        Unit night = unit.getItems().stream().filter(u -> u != null && u.name().equals("Nattpatrullen")).findFirst()
                .orElseThrow();
        robot.interact(() -> unit.setValue(night));
        int before = fx.ctx.qualityPlanService().dialogues(night.id()).size();
        robot.clickOn("#planNewDialogue");
        type(robot, "#planWorkGroup", "Nattgruppen");
        type(robot, "#planUsers", IDENTIFYING + " vill ha fler besök");

        fx.answer(false);
        robot.clickOn("#planSaveDialogue");
        fx.waitForQuestion(1, "Brukardialoger");
        assertThat(fx.ctx.qualityPlanService().dialogues(night.id())).hasSize(before);

        fx.policy(TextKind.QUALITY_PLAN, Mode.REFUSE);
        robot.clickOn("#planSaveDialogue");
        waitUntil(() -> problemsOf(robot, "#planProblems").contains("får inte sparas"));
        assertThat(fx.ctx.qualityPlanService().dialogues(night.id())).hasSize(before);
        assertThat(fx.dialogs.privacyQuestions).hasSize(1);

        // A goal of the plan, under "warn" again.
        fx.policy(TextKind.QUALITY_PLAN, Mode.WARN);
        robot.clickOn("#planTabPlan");
        robot.clickOn("#planOpen");
        waitUntil(() -> !problemsOf(robot, "#planProgress").isEmpty());
        type(robot, "#planGoalText", "Fler besök hos " + IDENTIFYING);
        robot.clickOn("#planAddGoal");
        fx.waitForQuestion(2, "Mål");
        TableView<?> goals = robot.lookup("#planGoals").queryAs(TableView.class);
        assertThat(goals.getItems()).noneMatch(g -> g.toString().contains("Anna Svensson"));
        assertThat(fx.dialogs.unexpected).isEmpty();
    }

    // ---- report texts, and the last check before a report is written ------------------------

    @Test
    @SuppressWarnings("unchecked")
    void reportTextsAreCheckedWhenSavedAndTheReportListsFindingsBeforeItIsWritten(FxRobot robot) throws Exception {
        show(robot, ScreenFixture.demo(), "reports");
        var ctx = fx.ctx;
        int year = TestDb.TODAY.getYear() - 1;
        ComboBox<se.kvalitetshjulet.domain.report.ReportKind> kind = robot.lookup("#reportKind").queryAs(ComboBox.class);
        ComboBox<Integer> years = robot.lookup("#reportYear").queryAs(ComboBox.class);
        ComboBox<se.kvalitetshjulet.domain.report.ReportFormat> format = robot.lookup("#reportFormat").queryAs(ComboBox.class);
        robot.interact(() -> {
            kind.setValue(se.kvalitetshjulet.domain.report.ReportKind.ANNUAL);
            years.setValue(year);
            format.setValue(se.kvalitetshjulet.domain.report.ReportFormat.DOCX);
        });
        TextInputControl summary = robot.lookup("#reportSummary").queryAs(TextInputControl.class);
        waitUntil(() -> !summary.isDisabled());
        ReportTexts original = ctx.reports().texts(year, 0, null);
        try {
            type(robot, "#reportSummary", "Året präglades av klagomål från " + IDENTIFYING + ".");
            fx.answer(false);
            robot.clickOn("#reportSaveTexts");
            fx.waitForQuestion(1, "Sammanfattning");
            assertThat(ctx.reports().texts(year, 0, null).summary()).isEqualTo(original.summary());

            fx.policy(TextKind.REPORT, Mode.REFUSE);
            robot.clickOn("#reportSaveTexts");
            waitUntil(() -> problemsOf(robot, "#reportStatus").contains("Texterna är inte sparade"));
            assertThat(ctx.reports().texts(year, 0, null).summary()).isEqualTo(original.summary());
            assertThat(fx.dialogs.privacyQuestions).hasSize(1);

            fx.policy(TextKind.REPORT, Mode.WARN);
            fx.answer(true);
            robot.clickOn("#reportSaveTexts");
            fx.waitForQuestion(2, "Sammanfattning");
            waitUntil(() -> ctx.reports().texts(year, 0, null).summary().contains("Anna Svensson"));

            // Writing the report: the findings by section and kind first; "Avbryt" writes nothing.
            Path file = dir.resolve("kvalitetsberattelse.docx");
            fx.dialogs.fileAnswer = Optional.of(file);
            fx.answer(false);
            int asked = fx.dialogs.choices.size();
            robot.clickOn("#reportGenerate");
            waitUntil(() -> fx.dialogs.choices.size() > asked);
            assertThat(fx.dialogs.choices.getLast()).containsExactly("Avbryt", "Skriv rapporten ändå");
            waitUntil(() -> problemsOf(robot, "#reportStatus").contains("Rapporten skrevs inte"));
            assertThat(file).doesNotExist();

            fx.policy(TextKind.REPORT, Mode.REFUSE);
            robot.clickOn("#reportGenerate");
            waitUntil(() -> problemsOf(robot, "#reportStatus").contains("Sammanfattning: Personnummer (1 st)")
                    && problemsOf(robot, "#reportStatus").contains("Sammanfattning: Namn"));
            assertThat(file).doesNotExist();

            fx.policy(TextKind.REPORT, Mode.WARN);
            fx.answer(true);
            robot.clickOn("#reportGenerate");
            waitUntil(() -> Files.exists(file) && Files.size(file) > 1000);
            assertThat(fx.dialogs.unexpected).isEmpty();
        } finally {
            fx.close();
            ctx.reports().saveTexts(original);
        }
    }
}
