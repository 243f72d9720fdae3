package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * Issue 18, numbers in the UI language, the other way round: the English window on a Swedish computer, every screen
 * and tab once. No visible number may have a decimal comma ("86,7" where English writes "86.7") or a space between
 * thousands ("4 637" where English writes "4,637").
 */
@ExtendWith(ApplicationExtension.class)
class EnglishNumbersScreenTest {
    /** "86,7", "2,25", "0,1234" – a comma that is not before exactly three digits of thousands. */
    static final Pattern DECIMAL_COMMA = Pattern.compile("(?<![\\d,])\\d+,(\\d{1,2}|\\d{4,})(?![\\d,])");
    static final Pattern SPACED_THOUSANDS = Pattern.compile("(?<![\\d])\\d{1,3}[\u00A0\u202F\u2009]\\d{3}(?!\\d)");

    private static Locale before;
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void swedishComputer() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.of("sv", "SE"));
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(before);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new MainView(SharedDemo.get(), i18n, tasks, new RecordingDialogService());
        Scene scene = new Scene(view, NothingCutScreenTest.WIDTH, NothingCutScreenTest.HEIGHT);
        scene.getStylesheets().add(MainView.class.getResource("/ui/theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyScreenWritesNumbersTheEnglishWay(FxRobot robot) throws Exception {
        List<VisibleTexts.Seen> seen = new ArrayList<>();
        new ScreenWalk(robot, view, tasks, i18n).walk(where -> seen.addAll(VisibleTexts.in(stage.getScene(), where)));

        assertThat(seen).anyMatch(s -> s.what().startsWith("chart axis"));
        assertThat(VisibleTexts.matching(seen, DECIMAL_COMMA)).as("numbers with a decimal comma in English").isEmpty();
        assertThat(VisibleTexts.matching(seen, SPACED_THOUSANDS)).as("thousands with a space in English").isEmpty();
    }
}
