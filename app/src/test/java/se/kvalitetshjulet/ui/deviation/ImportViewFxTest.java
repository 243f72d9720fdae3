package se.kvalitetshjulet.ui.deviation;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The import window end to end with the keyboard-free robot: file → columns → preview → check → import. */
@ExtendWith(ApplicationExtension.class)
class ImportViewFxTest {
    @TempDir
    static Path dir;
    AppContext ctx;
    ImportViewModel vm;
    ImportViewModelTest.FakeDialogs dialogs = new ImportViewModelTest.FakeDialogs();

    @Start
    void start(Stage stage) {
        ctx = new AppContext(Database.open(dir.resolve("fx.db")),
                Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneId.of("Europe/Stockholm")));
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                null, null, null));
        SyncTaskRunner tasks = new SyncTaskRunner();
        I18n i18n = new I18n(Locale.of("sv"));
        vm = new ImportViewModel(FeatureContexts.deviation(ctx), tasks, dialogs, i18n, () -> { });
        stage.setScene(new Scene(new ImportView(vm, i18n), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void wholeFlowThroughTheWindow(FxRobot robot) throws Exception {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör\n"
                + "1;2025-01-10;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Undersköterska\n"
                + "2;31/13/2024;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Undersköterska\n", StandardCharsets.UTF_8);
        dialogs.openFiles.add(f);

        robot.clickOn("#importChooseFile");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importStep").queryAs(Label.class).getText()).isEqualTo("Steg 2 av 5: Kolumner");
        assertThat(robot.lookup("#importColumn-externalId").queryAs(ComboBox.class).getValue())
                .isEqualTo("Ärendenummer");

        robot.clickOn("#importPreview");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importPreviewTable").queryAs(TableView.class).getItems()).hasSize(2);

        robot.clickOn("#importCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importReportTable").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#importRun").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#importSkipInvalid");
        assertThat(robot.lookup("#importRun").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#importRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importStep").queryAs(Label.class).getText()).isEqualTo("Steg 5 av 5: Klart");
        assertThat(ctx.deviations().count(DeviationFilter.all(), ctx.today())).isEqualTo(1);
    }
}
