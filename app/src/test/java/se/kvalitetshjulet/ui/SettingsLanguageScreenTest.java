package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;
import se.kvalitetshjulet.ui.shell.Section;

/** Issue 18: the language is chosen in Inställningar (not only behind an environment variable) and applied at once. */
@ExtendWith(ApplicationExtension.class)
class SettingsLanguageScreenTest {
    private final List<Locale> applied = new ArrayList<>();
    private MainView view;

    @Start
    void start(Stage stage) {
        view = new MainView(SharedDemo.get(), new I18n(Locale.of("sv")), new FxTaskRunner(), new RecordingDialogService());
        view.setLanguageSwitcher(applied::add);
        stage.setScene(new Scene(view, 1366, 690));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingEnglishAppliesItAtOnce(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().show(Section.SETTINGS));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settingsLanguage").tryQuery().isPresent());
        ComboBox<Locale> language = robot.lookup("#settingsLanguage").queryAs(ComboBox.class);
        Button apply = robot.lookup("#settingsLanguageApply").queryAs(Button.class);
        assertThat(language.getConverter().toString(language.getValue())).isEqualTo("Svenska");
        assertThat(language.getItems().stream().map(l -> language.getConverter().toString(l))).containsExactly("Svenska", "English");
        assertThat(apply.isDisabled()).as("nothing to change yet").isTrue();
        robot.interact(() -> language.setValue(Locale.ENGLISH));
        assertThat(apply.getText().replace("_", "")).isEqualTo("Byt språk");
        robot.interact(apply::fire);
        assertThat(applied).containsExactly(Locale.ENGLISH);
    }
}
