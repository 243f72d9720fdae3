package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
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
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckView;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;

/**
 * Drives the self-check screen of two databases: the coordinator's (rounds tab: import answer
 * files, with the question when the unit already has other answers) and a section chief's own
 * (open a form file, fill it in, export the answers).
 */
@ExtendWith(ApplicationExtension.class)
class SelfCheckHandoverScreenTest {
    private Path dir;
    private AppContext coordinator;
    private AppContext chief;
    private Template template;
    private Round round;
    private long section;
    private SelfCheckView coordinatorView;
    private SelfCheckView chiefView;
    private Stage coordinatorStage;
    private Stage chiefStage;
    private final RecordingDialogService coordinatorDialogs = new RecordingDialogService();
    private final RecordingDialogService chiefDialogs = new RecordingDialogService();
    private final Choosers coordinatorFiles = new Choosers();
    private final Choosers chiefFiles = new Choosers();

    /** File choosers that answer as the test tells them. */
    private static final class Choosers implements SelfCheckView.FileChoosers {
        Path save;
        Path open;
        List<Path> many = List.of();

        @Override
        public Optional<Path> saveFile(String title, String suggestedName, String extension) {
            return Optional.ofNullable(save);
        }

        @Override
        public Optional<Path> openFile(String title, String extension) {
            return Optional.ofNullable(open);
        }

        @Override
        public List<Path> openFiles(String title, String extension) {
            return many;
        }

        @Override
        public Optional<Path> folder(String title) {
            return Optional.empty();
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("kh-handover-ui");
        coordinator = TestDb.open(Files.createDirectories(dir.resolve("samordnare")));
        chief = TestDb.open(Files.createDirectories(dir.resolve("sektionschef")));
        chief.actor().choose("Sektionschef Anna");
        Unit enhet = coordinator.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        section = coordinator.units().save(new Unit(null, enhet.id(), "Sektion Björkhagen", OrgLevel.SEKTION, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        template = coordinator.selfChecks().saveTemplate(Template.draft("Lex Sarah", null, List.of(new TemplateSection(null,
                "Rutiner", List.of(new Question(null, "kand", "Känner all personal till rutinen för lex Sarah?",
                                AnswerType.YES_NO, true, null, null, List.of(), FindingRule.NO_OR_PARTLY),
                        new Question(null, "andel", "Andel personal som gått utbildningen", AnswerType.PERCENTAGE, true,
                                null, null, List.of(), FindingRule.below(80))))))).value();
        round = coordinator.selfChecks().createRound(Round.standard(template.name(), template.id(), 2026, false)).value();

        I18n sv = new I18n(Locale.of("sv"));
        coordinatorView = new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(coordinator), new FxTaskRunner(), coordinatorDialogs, sv), sv);
        coordinatorView.setFileChoosers(coordinatorFiles);
        stage.setScene(new Scene(coordinatorView, 1366, 768));
        stage.show();
        coordinatorStage = stage;
        coordinatorView.refresh();

        Stage second = new Stage();
        chiefStage = second;
        chiefView = new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(chief), new FxTaskRunner(), chiefDialogs, sv), sv);
        chiefView.setFileChoosers(chiefFiles);
        second.setScene(new Scene(chiefView, 1280, 720));
        second.show();
        chiefView.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long qid(Template t, String key) {
        return t.questions().filter(q -> q.key().equals(key)).findFirst().orElseThrow().id();
    }

    private ResponseRow coordinatorResponse() {
        return coordinator.selfChecks().responses(round.id(), section).getFirst();
    }

    /** Answer files from the section chief's database: a draft (DELVIS) and then the submitted answers (NEJ). */
    private List<Path> chiefFilesOf() {
        Path form = coordinator.selfCheckHandover().exportForm(round.id(), section, dir.resolve("form.kvh-egenkontroll"));
        long rid = chief.selfCheckHandover().openForm(form).responseId();
        Template local = chief.selfChecks().open(rid).template();
        chief.selfChecks().saveDraft(rid, List.of(new Answer(null, qid(local, "kand"), "DELVIS", "Vikarierna saknas")));
        Path draft = chief.selfCheckHandover().exportAnswers(rid, dir.resolve("utkast.kvh-svar"));
        assertThat(chief.selfChecks().submit(rid, List.of(new Answer(null, qid(local, "kand"), "NEJ", null),
                new Answer(null, qid(local, "andel"), "60", null))).ok()).isTrue();
        Path submitted = chief.selfCheckHandover().exportAnswers(rid, dir.resolve("inskickat.kvh-svar"));
        return new ArrayList<>(List.of(draft, submitted));
    }

    @Test
    void theCoordinatorImportsAnswerFilesAndChoosesWhichAnswersToKeep(FxRobot robot) throws Exception {
        List<Path> files = chiefFilesOf();
        // The coordinator has already written other answers for the unit.
        coordinator.selfChecks().saveDraft(coordinatorResponse().id(),
                List.of(new Answer(null, qid(template, "kand"), "JA", "Inskrivet av samordnaren")));

        robot.interact(chiefStage::hide);
        robot.clickOn(robot.from(coordinatorView).lookup("#selfCheckTabRounds").queryAs(Node.class));
        TableView<RoundRow> rounds = robot.from(coordinatorView).lookup("#selfCheckRoundTable").queryTableView();
        waitUntil(() -> rounds.getItems().size() == 1);
        robot.clickOn(robot.from(rounds).lookup(".table-row-cell").nth(0).queryAs(Node.class));
        Label summary = robot.from(coordinatorView).lookup("#selfCheckHandoverSummary").queryAs(Label.class);

        // The question names its answers; first: skip the file, then keep the existing answers for the draft file.
        coordinatorDialogs.chooseAnswer = java.util.Optional.of(2);
        coordinatorFiles.many = List.of(files.get(0));
        robot.clickOn(robot.from(coordinatorView).lookup("#selfCheckImportAnswers").queryAs(Node.class));
        waitUntil(() -> summary.getText().contains("utkast.kvh-svar: hoppades över"));
        assertThat(coordinatorDialogs.choices.getFirst())
                .containsExactly("Behåll befintliga svar", "Använd svaren i filen", "Hoppa över filen");
        coordinatorDialogs.chooseAnswer = java.util.Optional.of(0);
        coordinatorFiles.many = List.of(files.get(0));
        robot.clickOn(robot.from(coordinatorView).lookup("#selfCheckImportAnswers").queryAs(Node.class));
        waitUntil(() -> summary.getText().contains("utkast.kvh-svar: de befintliga svaren för Sektion Björkhagen behölls."));
        assertThat(coordinator.selfChecks().open(coordinatorResponse().id()).answers().get(qid(template, "kand")).value())
                .isEqualTo("JA");

        // Use the file for the submitted answers; importing the draft again changes nothing and says so.
        coordinatorDialogs.chooseAnswer = java.util.Optional.of(1);
        coordinatorFiles.many = List.of(files.get(1), files.get(0));
        robot.clickOn(robot.from(coordinatorView).lookup("#selfCheckImportAnswers").queryAs(Node.class));
        waitUntil(() -> summary.getText().contains("inskickat.kvh-svar: svaren för Sektion Björkhagen ersattes med svaren i filen."));
        assertThat(summary.getText()).contains("utkast.kvh-svar: filen är redan inläst (befintliga svar behölls). Inget ändrades.");
        ResponseRow row = coordinatorResponse();
        assertThat(row.status()).isEqualTo(ResponseStatus.SUBMITTED);
        assertThat(coordinator.selfChecks().open(row.id()).answers().get(qid(template, "kand")).value()).isEqualTo("NEJ");
        TableView<ResponseRow> units = robot.from(coordinatorView).lookup("#selfCheckRoundUnits").queryTableView();
        waitUntil(() -> units.getItems().size() == 1 && units.getItems().getFirst().status() == ResponseStatus.SUBMITTED);
        waitUntil(() -> rounds.getItems().getFirst().submitted() == 1);
        assertThat(coordinatorDialogs.infos).anyMatch(m -> m.contains("ersattes"));
        assertThat(coordinatorDialogs.errors).isEmpty();
        assertThat(coordinatorDialogs.unexpected).isEmpty();

        // A damaged file is refused with a clear message in the summary.
        byte[] bytes = Files.readAllBytes(files.get(1));
        bytes[bytes.length / 3] ^= 0x01;
        Path damaged = Files.write(dir.resolve("skadad.kvh-svar"), bytes);
        coordinatorFiles.many = List.of(damaged);
        robot.clickOn(robot.from(coordinatorView).lookup("#selfCheckImportAnswers").queryAs(Node.class));
        waitUntil(() -> summary.getText().startsWith("skadad.kvh-svar: avvisades. Filen är skadad"));
    }

    @Test
    void theSectionChiefOpensAFormFileFillsItInAndExportsTheAnswers(FxRobot robot) throws Exception {
        Path form = coordinator.selfCheckHandover().exportForm(round.id(), section, dir.resolve("lex-sarah.kvh-egenkontroll"));
        chiefFiles.open = form;
        robot.interact(coordinatorStage::hide);
        robot.clickOn(robot.from(chiefView).lookup("#selfCheckOpenFormFile").queryAs(Node.class));
        Label title = robot.from(chiefView).lookup("#selfCheckFormTitle").queryAs(Label.class);
        waitUntil(() -> title.getText().contains("Sektion Björkhagen"));
        assertThat(chiefDialogs.infos).anyMatch(m -> m.contains("finns nu i din databas"));
        long responseId = chief.selfChecks().responses(null, null).getFirst().id();
        Template local = chief.selfChecks().open(responseId).template();

        robot.clickOn(robot.from(chiefView).lookup("#answer-" + qid(local, "kand") + "-JA").queryAs(Node.class));
        TextField percent = robot.from(chiefView).lookup("#answer-" + qid(local, "andel")).queryAs(TextField.class);
        robot.clickOn(percent).write("92");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        Label status = robot.from(chiefView).lookup("#selfCheckStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().equals("Status: Inskickad"));

        Path out = dir.resolve("svar-lex-sarah.kvh-svar");
        chiefFiles.save = out;
        robot.clickOn(robot.from(chiefView).lookup("#selfCheckExportAnswers").queryAs(Node.class));
        waitUntil(() -> Files.exists(out) && chiefDialogs.infos.stream().anyMatch(m -> m.contains("Skicka filen till samordnaren")));
        assertThat(chiefDialogs.errors).isEmpty();

        // Opening the same file again duplicates nothing.
        robot.clickOn(robot.from(chiefView).lookup("#selfCheckOpenFormFile").queryAs(Node.class));
        waitUntil(() -> chiefDialogs.infos.stream().anyMatch(m -> m.contains("är redan öppnat. Inget ändrades.")));
        assertThat(chief.selfChecks().rounds()).hasSize(1);
        assertThat(chief.selfChecks().responses(null, null)).hasSize(1);

        var imported = coordinator.selfCheckHandover().importAnswers(out, null);
        assertThat(imported.outcome()).isEqualTo(se.kvalitetshjulet.domain.selfcheck.Handover.ImportOutcome.IMPORTED);
        ResponseRow row = coordinatorResponse();
        assertThat(row.status()).isEqualTo(ResponseStatus.SUBMITTED);
        assertThat(coordinator.selfChecks().open(row.id()).answers().get(qid(template, "andel")).value()).isEqualTo("92");
    }
}
