package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.Mode;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckView;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;

/** Drives the self-check template editor: build a template by keyboard, and edit a template a round already uses. */
@ExtendWith(ApplicationExtension.class)
class SelfCheckTemplateEditorScreenTest {
    private AppContext ctx;
    private Template lexSarah;
    private Round round;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws IOException {
        ctx = TestDb.open(Files.createTempDirectory("kh-template-editor-ui"));
        ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null));
        lexSarah = ctx.selfChecks().saveTemplate(Template.draft("Lex Sarah", null, List.of(new TemplateSection(null, "Rutiner",
                List.of(new Question(null, "kand", "Känner personalen till rutinen för lex Sarah?", AnswerType.YES_NO, true,
                        null, "Lokal rutin för lex Sarah", List.of(), FindingRule.NO_OR_PARTLY)))))).value();
        round = ctx.selfChecks().createRound(Round.standard(lexSarah.name(), lexSarah.id(), 2026, false)).value();
        I18n i18n = new I18n(Locale.of("sv"));
        SelfCheckView view = new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new FxTaskRunner(), dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(KeyCode.CONTROL);
        for (KeyCode k : keys) {
            robot.press(k);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        robot.release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        shortcut(robot, KeyCode.A);
        robot.write(text);
    }

    /** Chooses an answer type with the arrow keys, as a keyboard user does. */
    private static void chooseType(FxRobot robot, AnswerType type) {
        ComboBox<?> box = robot.lookup("#tplQuestionType").queryAs(ComboBox.class);
        robot.interact(box::requestFocus);
        int steps = type.ordinal() - ((AnswerType) box.getValue()).ordinal();
        for (int i = 0; i < steps; i++) {
            robot.type(KeyCode.DOWN);
        }
        assertThat(box.getValue()).isEqualTo(type);
    }

    private static ListView<Template> openTemplatesTab(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#selfCheckTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        ListView<Template> list = robot.lookup("#selfCheckTemplateList").queryListView();
        waitUntil(() -> !list.getItems().isEmpty());
        return list;
    }

    @Test
    void aTemplateWithTwoSectionsIsBuiltByKeyboardSavedAndShownInTheList(FxRobot robot) throws Exception {
        ListView<Template> list = openTemplatesTab(robot);
        robot.clickOn("#templateNew");
        waitUntil(() -> robot.lookup("#tplName").tryQuery().isPresent());
        Label problems = robot.lookup("#tplProblems").queryAs(Label.class);
        assertThat(problems.getText()).contains("Ge mallen ett namn.");

        robot.clickOn("#tplName").write("Hygien och dokumentation");
        replaceText(robot, "#tplSectionTitle", "Hygien");

        shortcut(robot, KeyCode.N);
        waitUntil(() -> "tplQuestionText".equals(focusedId(robot)));
        robot.write("Följer personalen basala hygienrutiner?");
        CheckBox partly = robot.lookup("#tplFinding-DELVIS").queryAs(CheckBox.class);
        assertThat(partly.isSelected()).as("nej and delvis count as findings unless changed").isTrue();
        robot.interact(partly::requestFocus);
        robot.type(KeyCode.SPACE);
        assertThat(partly.isSelected()).isFalse();

        shortcut(robot, KeyCode.N);
        waitUntil(() -> "tplQuestionText".equals(focusedId(robot)));
        robot.write("Andel personal med korrekt arbetsdräkt");
        chooseType(robot, AnswerType.PERCENTAGE);
        waitUntil(() -> robot.lookup("#tplBelow").tryQuery().isPresent());
        robot.clickOn("#tplBelow").write("90");

        shortcut(robot, KeyCode.SHIFT, KeyCode.N);
        waitUntil(() -> "tplSectionTitle".equals(focusedId(robot)));
        robot.write("Dokumentation");

        shortcut(robot, KeyCode.N);
        waitUntil(() -> "tplQuestionText".equals(focusedId(robot)));
        robot.write("Vilka dokument saknas?");
        chooseType(robot, AnswerType.MULTIPLE_CHOICE);
        assertThat(problems.getText()).contains("Frågan ”Vilka dokument saknas?” behöver minst två svarsalternativ.");
        robot.clickOn("#tplOptions").write("Genomförandeplan");
        robot.type(KeyCode.ENTER).write("Samtycke");
        waitUntil(() -> robot.lookup("#tplFinding-Genomf_randeplan").tryQuery().isPresent());
        CheckBox plan = robot.lookup("#tplFinding-Genomf_randeplan").queryAs(CheckBox.class);
        robot.interact(plan::requestFocus);
        robot.type(KeyCode.SPACE);

        shortcut(robot, KeyCode.N);
        waitUntil(() -> "tplQuestionText".equals(focusedId(robot)));
        robot.write("Datum för senaste logguppföljning");
        chooseType(robot, AnswerType.DATE);
        waitUntil(() -> problems.getText().isEmpty());

        shortcut(robot, KeyCode.S);
        Label state = robot.lookup("#tplSaveState").queryAs(Label.class);
        waitUntil(() -> state.getText().startsWith("Sparad"));
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().name().equals("Hygien och dokumentation"));
        assertThat(list.getItems()).extracting(Template::label).contains("Hygien och dokumentation (v1)", "Lex Sarah (v1)");

        Template saved = ctx.selfChecks().template(list.getSelectionModel().getSelectedItem().id());
        assertThat(saved.sections()).extracting(TemplateSection::title).containsExactly("Hygien", "Dokumentation");
        List<Question> qs = saved.questions().toList();
        assertThat(qs).extracting(Question::type).containsExactly(AnswerType.YES_NO, AnswerType.PERCENTAGE,
                AnswerType.MULTIPLE_CHOICE, AnswerType.DATE);
        assertThat(qs.get(0).isFinding("NEJ")).isTrue();
        assertThat(qs.get(0).isFinding("DELVIS")).isFalse();
        assertThat(qs.get(1).isFinding("85")).isTrue();
        assertThat(qs.get(1).isFinding("95")).isFalse();
        assertThat(qs.get(2).options()).containsExactly("Genomförandeplan", "Samtycke");
        assertThat(qs.get(2).isFinding("Genomförandeplan")).isTrue();
        assertThat(qs.get(2).isFinding("Samtycke")).isFalse();
        assertThat(dialogs.unexpected).isEmpty();

        robot.clickOn("#tplClose");
        waitUntil(() -> robot.lookup("#tplName").tryQuery().isEmpty());
    }

    @Test
    void editingATemplateARoundUsesCreatesVersionTwoAndAsksBeforeDroppingChanges(FxRobot robot) throws Exception {
        ListView<Template> list = openTemplatesTab(robot);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#templateEdit");
        waitUntil(() -> robot.lookup("#tplFrozenNotice").tryQuery().isPresent());
        Label notice = robot.lookup("#tplFrozenNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("När du sparar skapas version 2").contains("behåller den");

        TextField text = robot.lookup("#tplQuestionText").queryAs(TextField.class);
        assertThat(text.getText()).isEqualTo("Känner personalen till rutinen för lex Sarah?");
        replaceText(robot, "#tplQuestionText", "Känner all personal, även vikarier, till rutinen för lex Sarah?");

        // Escape with unsaved changes asks; answering no keeps the editor open with the change.
        dialogs.confirmAnswer = false;
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tplQuestionText").tryQuery()).isPresent();
        assertThat(text.getText()).startsWith("Känner all personal");

        shortcut(robot, KeyCode.S);
        waitUntil(() -> dialogs.infos.size() == 1);
        assertThat(dialogs.infos.getFirst()).isEqualTo(
                "Mallen används i en omgång och ändrades därför inte. Ändringen sparades som version 2.");
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().version() == 2);
        assertThat(list.getSelectionModel().getSelectedItem().label()).isEqualTo("Lex Sarah (v2)");
        assertThat(notice.isVisible()).as("version 2 is not used yet").isFalse();
        assertThat(ctx.selfChecks().history(lexSarah.familyId())).hasSize(2);
        Template used = ctx.selfChecks().template(ctx.selfChecks().round(round.id()).templateId());
        assertThat(used.version()).isEqualTo(1);
        assertThat(used.questions().findFirst().orElseThrow().text()).isEqualTo("Känner personalen till rutinen för lex Sarah?");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#tplName").tryQuery().isEmpty());
    }

    /** Issue 13: a template's texts are checked before they are stored, like every other free text. */
    @Test
    void aQuestionNamingAPersonIsAskedAboutAndUnderRefuseNotSaved(FxRobot robot) throws Exception {
        ListView<Template> list = openTemplatesTab(robot);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#templateEdit");
        waitUntil(() -> robot.lookup("#tplQuestionText").tryQuery().isPresent());
        replaceText(robot, "#tplQuestionText", "Har 19121212-1212 Anna Svensson gått utbildningen i lex Sarah?");

        dialogs.chooseAnswer = java.util.Optional.of(0); // "Ändra texten"
        shortcut(robot, KeyCode.S);
        waitUntil(() -> dialogs.privacyQuestions.size() == 1);
        assertThat(dialogs.privacyQuestions.getFirst().hits()).extracting(PrivacyQuestion.Hit::found)
                .contains("19121212-1212", "Anna Svensson");
        assertThat(ctx.selfChecks().history(lexSarah.familyId())).as("nothing stored").hasSize(1);

        ctx.privacy().savePolicy(ctx.privacy().policy().with(TextKind.SELF_CHECK, Mode.REFUSE));
        try {
            shortcut(robot, KeyCode.S);
            Label problems = robot.lookup("#tplProblems").queryAs(Label.class);
            waitUntil(() -> problems.getText().contains("personnummer"));
            assertThat(ctx.selfChecks().history(lexSarah.familyId())).hasSize(1);
        } finally {
            ctx.privacy().savePolicy(ctx.privacy().policy().with(TextKind.SELF_CHECK, Mode.WARN));
        }

        dialogs.chooseAnswer = java.util.Optional.of(1); // "Spara ändå"
        shortcut(robot, KeyCode.S);
        waitUntil(() -> dialogs.privacyQuestions.size() == 2);
        waitUntil(() -> ctx.selfChecks().history(lexSarah.familyId()).size() == 2);
        assertThat(dialogs.unexpected).isEmpty();
        dialogs.confirmAnswer = true;
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#tplName").tryQuery().isEmpty());
    }

    /** The id of the focused control in the editor window. */
    private static String focusedId(FxRobot robot) {
        Node n = robot.lookup("#tplName").query().getScene().getFocusOwner();
        while (n != null && n.getId() == null) {
            n = n.getParent();
        }
        return n == null ? null : n.getId();
    }
}
