package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Theme;
import se.kvalitetshjulet.ui.shell.MainView;
import se.kvalitetshjulet.ui.shell.Section;

/**
 * Issue 18, Inställningar → Utseende: choosing "Hög kontrast" restyles the window at once (black text, the
 * high-contrast stylesheet) and "Standard" takes it back; in both the control with the focus has a solid ring
 * around it that the others do not have, dark enough to see on white.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeScreenTest {
    private final I18n i18n = new I18n(Locale.of("sv"));
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainView view;
    private Scene scene;
    private Stage stage;

    /** The demo is built once per run, outside the window's set-up time (slow on a loaded machine). */
    @org.junit.jupiter.api.BeforeAll
    static void demo() {
        SharedDemo.get();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.STANDARD.applyTo(null);
        view = new MainView(SharedDemo.get(), i18n, tasks, new RecordingDialogService());
        scene = new Scene(view, 1366, 690);
        Theme.STANDARD.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void standardAgain() {
        Theme.STANDARD.applyTo(null); // the theme is the session's: leave it as the other tests expect it
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Theme> themeChoice(FxRobot robot) {
        robot.interact(() -> view.viewModel().show(Section.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#settingsTheme").queryAs(ComboBox.class);
    }

    private static Color textFill(Label l) {
        return (Color) l.getTextFill();
    }

    /** The solid ring the CSS draws around the focused control; null when there is none. */
    private static DropShadow ring(Node n) {
        n.applyCss();
        return n.getEffect() instanceof DropShadow d && d.getSpread() >= 0.9 && d.getRadius() >= 2 ? d : null;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static double contrastOnWhite(Color c) {
        double l = 0.2126 * ch(c.getRed()) + 0.7152 * ch(c.getGreen()) + 0.0722 * ch(c.getBlue());
        return 1.05 / (l + 0.05);
    }

    private static double ch(double s) {
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    @Test
    void highContrastIsAppliedAtOnceAndStandardTakesItBack(FxRobot robot) {
        ComboBox<Theme> choice = themeChoice(robot);
        Label hint = robot.lookup(".hint").queryAs(Label.class);
        Color standard = textFill(hint);

        robot.interact(() -> choice.setValue(Theme.HIGH_CONTRAST));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("/ui/high-contrast.css"));
        assertThat(Theme.current()).isEqualTo(Theme.HIGH_CONTRAST);
        robot.interact(hint::applyCss);
        assertThat(textFill(hint)).as("a hint in high contrast").isEqualTo(Color.BLACK).isNotEqualTo(standard);
        assertThat(contrastOnWhite(textFill(hint))).isGreaterThanOrEqualTo(7.0);

        robot.interact(() -> choice.setValue(Theme.STANDARD));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getStylesheets()).noneMatch(s -> s.endsWith("/ui/high-contrast.css"))
                .anyMatch(s -> s.endsWith("/ui/theme.css"));
        assertThat(Theme.current()).isEqualTo(Theme.STANDARD);
    }

    @Test
    void theFocusedControlHasAVisibleRingInBothThemes(FxRobot robot) {
        themeChoice(robot);
        Button[] buttons = robot.from(view.getCenter()).lookup(".button").queryAllAs(Button.class).stream()
                .filter(ThemeScreenTest::shown).filter(b -> !b.isDisabled()).limit(2).toArray(Button[]::new);
        assertThat(buttons).hasSize(2);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> theme.applyTo(scene));
            robot.interact(() -> {
                stage.toFront();
                stage.requestFocus();
                buttons[0].requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(scene.getFocusOwner()).as("the button has the focus").isSameAs(buttons[0]);
            assertThat(buttons[0].isFocused()).as("the window has the focus").isTrue();
            robot.interact(() -> {
                DropShadow focused = ring(buttons[0]);
                assertThat(focused).as("the ring around the focused button in %s", theme).isNotNull();
                assertThat(contrastOnWhite(focused.getColor())).as("the ring's contrast on white in %s", theme)
                        .isGreaterThanOrEqualTo(3.0);
                assertThat(ring(buttons[1])).as("no ring around a button without the focus in %s", theme).isNull();
            });
        }
    }

    /**
     * The navigation's buttons have no background of their own: a shadow there outlined the letters (the focused
     * "Projektorläge" read as blurred light-blue text). Their ring is a background layer around the button, the
     * letters stay sharp, in both themes.
     */
    @Test
    void theFocusedNavigationButtonHasARingAndSharpLetters(FxRobot robot) {
        javafx.scene.control.ToggleButton projector = robot.lookup("#projectorToggle")
                .queryAs(javafx.scene.control.ToggleButton.class);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> theme.applyTo(scene));
            robot.interact(() -> {
                stage.toFront();
                stage.requestFocus();
                projector.requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(projector.isFocused()).as("the projector switch has the focus").isTrue();
            robot.interact(() -> {
                projector.applyCss();
                assertThat(projector.getEffect()).as("no shadow on the letters in %s", theme).isNull();
                assertThat(projector.getBackground().getFills()).as("a ring and the button inside it in %s", theme)
                        .hasSize(2);
                assertThat(projector.getBackground().getFills().get(1).getInsets().getTop()).isEqualTo(3.0);
            });
        }
    }

    /**
     * A focused table (or list, tree, scrolled screen) gets its ring as a border just outside it, not a shadow: a
     * shadow renders the whole control into an image of its size on every repaint (the memory of the software
     * renderer). The ring takes no room: the table's content area is the same with and without the focus.
     */
    @Test
    void theFocusedTableHasARingBorderAndNoShadowInBothThemes(FxRobot robot) {
        robot.interact(() -> view.viewModel().show(Section.DEVIATIONS));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.from(view.getCenter()).lookup(".table-view")
                .queryAllAs(javafx.scene.control.TableView.class).stream().filter(ThemeScreenTest::shown).findFirst()
                .orElseThrow();
        Button other = robot.from(view.getCenter()).lookup(".button").queryAllAs(Button.class).stream()
                .filter(ThemeScreenTest::shown).filter(b -> !b.isDisabled()).findFirst().orElseThrow();
        for (Theme theme : Theme.values()) {
            robot.interact(() -> theme.applyTo(scene));
            robot.interact(() -> {
                stage.toFront();
                stage.requestFocus();
                other.requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Insets[] before = new javafx.geometry.Insets[1];
            robot.interact(() -> {
                table.applyCss();
                before[0] = table.getInsets();
                table.requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.isFocused()).as("the table has the focus").isTrue();
            robot.interact(() -> {
                table.applyCss();
                assertThat(table.getEffect()).as("no shadow on the focused table in %s", theme).isNull();
                assertThat(table.getBorder()).as("a ring around the focused table in %s", theme).isNotNull();
                var stroke = table.getBorder().getStrokes().getFirst();
                assertThat(stroke.getWidths().getTop()).as("a ring that is seen in %s", theme).isGreaterThanOrEqualTo(3);
                assertThat(stroke.getInsets().getTop()).as("drawn outside the table").isNegative();
                assertThat(contrastOnWhite((Color) stroke.getTopStroke())).isGreaterThanOrEqualTo(3.0);
                assertThat(table.getInsets()).as("the ring takes no room in %s", theme).isEqualTo(before[0]);
            });
        }
    }

    /** The projector mode's larger text needs the screen: the window fills it and gets its size back after. */
    @Test
    void theProjectorModeFillsTheScreenAndGivesTheSizeBack(FxRobot robot) {
        robot.interact(() -> stage.setMaximized(false));
        robot.interact(() -> view.viewModel().projectorModeProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isMaximized()).as("maximised in the projector mode").isTrue();
        assertThat(view.getStyleClass()).contains("projector");
        robot.interact(() -> view.viewModel().projectorModeProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isMaximized()).as("its own size again").isFalse();
        assertThat(view.getStyleClass()).doesNotContain("projector");
    }

    /**
     * On a 1366×768 laptop in the projector's larger text the chart settings fit their column: no sideways scrolling,
     * no choice box cut at its right edge (a long choice is shortened with "…" instead).
     */
    @Test
    void theTrendSettingsFitTheirColumnInTheProjectorsTextAt1366(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.viewModel().projectorModeProperty().set(true);
            stage.setMaximized(false);
            stage.setWidth(1366);
            stage.setHeight(690);
            view.viewModel().show(Section.TRENDS);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane settings = robot.lookup(".trend-settings-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> settings.getContent() != null && settings.getViewportBounds().getWidth() > 0);
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            javafx.scene.Node content = settings.getContent();
            double viewport = settings.getViewportBounds().getWidth();
            assertThat(content.getLayoutBounds().getWidth()).as("the settings' width against their column's")
                    .isLessThanOrEqualTo(viewport + 0.5);
            assertThat(settings.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof javafx.scene.control.ScrollBar b
                            && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()))
                    .as("a sideways scroll bar under the settings").isEmpty();
            for (javafx.scene.Node n : content.lookupAll(".combo-box-base")) {
                if (n.isVisible()) {
                    var right = content.sceneToLocal(n.localToScene(n.getLayoutBounds())).getMaxX();
                    assertThat(right).as("the right edge of %s", n.getId()).isLessThanOrEqualTo(viewport + 0.5);
                }
            }
        });
        robot.interact(() -> view.viewModel().projectorModeProperty().set(false));
    }
}
