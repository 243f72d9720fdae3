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
 * Issue 18, numbers in the UI language: the Swedish window on a computer whose own language is English (the JVM's
 * locale, which JavaFX and JFreeChart follow by default), every screen and tab of the demo once. No visible number
 * may have a decimal point ("2.5" where a Swede writes "2,5") or the JDK's no-break space between thousands (the
 * screens use the thin one, decision 0028) — in labels, cells, fields, and in what the charts draw (axis ticks,
 * limit and marker labels, tooltips). And on the same walk: every control a keyboard user reaches, and every chart,
 * has an accessible name for a screen reader (its accessible text, a label naming it, or its own words).
 */
@ExtendWith(ApplicationExtension.class)
class NumbersAndNamesScreenTest {
    /** A number with one decimal point: "2.5", "86.7" (not "1.2.3", not a date). */
    static final Pattern DECIMAL_POINT = Pattern.compile("(?<![\\d.])\\d+\\.\\d+(?![.\\d])");
    /** Thousands with the JDK's no-break space or a comma: "4 637" (U+00A0), "4,637". */
    static final Pattern WRONG_THOUSANDS = Pattern.compile("(?<![\\d,])\\d{1,3}(\u00A0|,)\\d{3}(?![\\d,])");

    private static Locale before;
    private final I18n i18n = new I18n(Locale.of("sv"));
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void englishComputer() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
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

    /** One walk, two looks: the numbers (part of issue 18) and the accessible names (another part). */
    @Test
    void everyScreenWritesNumbersTheSwedishWayAndNamesEveryControl(FxRobot robot) throws Exception {
        List<VisibleTexts.Seen> seen = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        new ScreenWalk(robot, view, tasks, i18n).walk(where -> {
            seen.addAll(VisibleTexts.in(stage.getScene(), where));
            unnamed.addAll(Unnamed.in(stage.getScene(), where));
        });

        assertThat(seen).as("the walk saw the screens' texts and the charts' ticks")
                .anyMatch(s -> s.what().startsWith("chart axis"));
        assertThat(VisibleTexts.matching(seen, DECIMAL_POINT)).as("numbers with a decimal point in Swedish").isEmpty();
        assertThat(VisibleTexts.matching(seen, WRONG_THOUSANDS)).as("thousands not with the thin space").isEmpty();
        assertThat(unnamed.stream().distinct().toList()).as("controls without an accessible name").isEmpty();
    }
}
