package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.report.ReportView;
import se.kvalitetshjulet.ui.report.ReportViewModel;

/** Drives the report screen: write the summary, save it, generate the year's PDF and read it back. */
@ExtendWith(ApplicationExtension.class)
class ReportScreenTest {
    private static final int YEAR = 2025;
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        runner = new FxTaskRunner();
        I18n i18n = new I18n(Locale.of("sv"));
        ReportView view = new ReportView(new ReportViewModel(FeatureContexts.report(ctx), runner, dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long lexSarah() {
        Period p = Period.year(YEAR);
        return ctx.deviations().count(DeviationFilter.all().withPeriod(p.start(), p.end())
                .withKinds(EnumSet.of(DeviationKind.LEX_SARAH)), ctx.today());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSummaryIsSavedAndTheGeneratedPdfCarriesItAndTheLexSarahCount(FxRobot robot) throws Exception {
        ComboBox<ReportKind> kind = robot.lookup("#reportKind").queryAs(ComboBox.class);
        ComboBox<Integer> year = robot.lookup("#reportYear").queryAs(ComboBox.class);
        ComboBox<ReportFormat> format = robot.lookup("#reportFormat").queryAs(ComboBox.class);
        robot.interact(() -> {
            kind.setValue(ReportKind.ANNUAL);
            year.setValue(YEAR);
            format.setValue(ReportFormat.PDF);
        });
        TextArea summary = robot.lookup("#reportSummary").queryAs(TextArea.class);
        waitUntil(() -> !summary.isDisabled());

        // The preview shows the year's lex Sarah count from the register.
        TableView<ReportViewModel.PreviewRow> preview = robot.lookup("#reportPreview").queryAs(TableView.class);
        long sarah = lexSarah();
        assertThat(sarah).isPositive();
        waitUntil(() -> preview.getItems().stream().anyMatch(r -> r.label().equals("Lex Sarah-rapporter")
                && r.value().equals(Long.toString(sarah))));

        // A name in any text is flagged at once; removing it removes the warning.
        Label privacy = robot.lookup("#reportPrivacy").queryAs(Label.class);
        robot.clickOn("#reportFollowUp").write("Anna ringde.");
        waitUntil(() -> privacy.isVisible() && privacy.getText().contains("Anna"));
        TextArea followUp = robot.lookup("#reportFollowUp").queryAs(TextArea.class);
        robot.interact(followUp::clear);
        waitUntil(() -> !privacy.isVisible());

        String text = "Fallpreventionen nådde alla boenden under " + YEAR + ".";
        robot.interact(summary::clear);
        robot.clickOn("#reportSummary").write(text);
        robot.clickOn("#reportSaveTexts");
        waitUntil(() -> ctx.reports().texts(YEAR, 0, null).summary().equals(text));
        ReportTexts stored = ctx.reports().texts(YEAR, 0, null);
        assertThat(ctx.audit().history("report_text", stored.id())).isNotEmpty();
        Label status = robot.lookup("#reportStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().equals("Texterna är sparade."));

        // A fresh screen over the same database shows the stored text.
        ReportViewModel fresh = new ReportViewModel(FeatureContexts.report(ctx), new FxTaskRunner(), new RecordingDialogService(),
                new I18n(Locale.of("sv")));
        robot.interact(() -> {
            fresh.yearProperty().set(YEAR);
            fresh.load();
        });
        waitUntil(() -> fresh.textsLoadedProperty().get() && fresh.summaryProperty().get().equals(text));

        Path out = Files.createTempDirectory("kh-report-ui").resolve("kvalitetsberattelse.pdf");
        dialogs.fileAnswer = Optional.of(out);
        // The sections still unwritten are listed first; "Avbryt" (the default answer) creates nothing.
        int asked = dialogs.choices.size();
        robot.clickOn("#reportGenerate");
        waitUntil(() -> dialogs.choices.size() > asked && status.getText().startsWith("Rapporten skapades inte"));
        assertThat(dialogs.choices.getLast()).containsExactly("Avbryt", "Skapa rapporten ändå");
        assertThat(out).doesNotExist();
        dialogs.chooseAnswer = Optional.of(1);
        robot.clickOn("#reportGenerate");
        waitUntil(() -> Files.exists(out) && !dialogs.infos.isEmpty());
        assertThat(dialogs.infos.getLast()).contains(out.toAbsolutePath().toString());
        assertThat(status.getText()).contains(out.toAbsolutePath().toString());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(pdf).contains("Kvalitetsberättelse " + YEAR, text, "Lex Sarah-rapporter: " + sarah + " (");
        }
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void descriptionsNeedConfirmationAndAnOverdueDeadlineIsShownInRed(FxRobot robot) throws Exception {
        CheckBox descriptions = robot.lookup("#reportDescriptions").queryAs(CheckBox.class);
        waitUntil(() -> !descriptions.isDisabled());
        dialogs.confirmAnswer = false;
        robot.clickOn("#reportDescriptions");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !descriptions.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(descriptions.isSelected()).isFalse();

        dialogs.confirmAnswer = true;
        robot.clickOn("#reportDescriptions");
        waitUntil(descriptions::isSelected);
        Label warning = robot.lookup("#reportDescriptionWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).contains("möjliga personnummer");

        // A meeting in three days: its material was due four days ago.
        robot.interact(() -> {
            robot.lookup("#reportMeetingDate").queryAs(javafx.scene.control.DatePicker.class)
                    .setValue(ctx.today().plusDays(3));
        });
        robot.clickOn("#reportMeetingTitle").write("Socialnämnden");
        robot.clickOn("#reportMeetingAdd");
        Label deadline = robot.lookup("#reportDeadline").queryAs(Label.class);
        String due = ctx.today().minusDays(4).toString();
        waitUntil(() -> deadline.getText().contains(due));
        assertThat(deadline.getText()).contains(ctx.today().plusDays(3).toString(), "Socialnämnden", "4 dagar försenat");
        assertThat(deadline.getStyleClass()).contains("overdue-badge");
        assertThat(ctx.reports().nextMeeting(ctx.today()).orElseThrow().meetingOn()).isEqualTo(ctx.today().plusDays(3));
        assertThat(dialogs.unexpected).isEmpty();
    }
}
