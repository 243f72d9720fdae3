package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * The set-up the screen tests share: the real main window on a database (the shared demo unless given), Swedish
 * texts, a {@link RecordingDialogService}, a wait that also lets the FX thread catch up, and the privacy policy set
 * for one test and put back afterwards.
 */
public final class ScreenFixture implements AutoCloseable {
    /** What a careless note looks like: a personnummer and a name. */
    public static final String IDENTIFYING = "19121212-1212 Anna Svensson";

    public final AppContext ctx;
    public final I18n i18n = new I18n(Locale.of("sv"));
    public final RecordingDialogService dialogs = new RecordingDialogService();
    private final PrivacyPolicy before;

    private ScreenFixture(AppContext ctx) {
        this.ctx = ctx;
        this.before = ctx.privacy().policy();
    }

    /** On the shared demo municipality. */
    public static ScreenFixture demo() {
        return new ScreenFixture(SharedDemo.get());
    }

    public static ScreenFixture on(AppContext ctx) {
        return new ScreenFixture(ctx);
    }

    /** Shows the main window on {@code stage}. */
    public MainView show(Stage stage) {
        MainView view = new MainView(ctx, i18n, new FxTaskRunner(), dialogs);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        return view;
    }

    /** Opens a section of the main window by its navigation button, e.g. {@code "councils"}. */
    public void open(FxRobot robot, String section) throws Exception {
        robot.clickOn("#nav-" + section);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The coordinator's policy for one kind of text (Inställningar), until {@link #close()}. */
    public void policy(PrivacyPolicy.TextKind kind, PrivacyPolicy.Mode mode) {
        ctx.privacy().savePolicy(ctx.privacy().policy().with(kind, mode));
    }

    /** The answer to the next privacy question: "Ändra texten" (false) or "Spara ändå" (true). */
    public void answer(boolean saveAnyway) {
        dialogs.chooseAnswer = Optional.of(saveAnyway ? 1 : 0);
    }

    /** Waits for the {@code n}th privacy question and checks it named the personnummer and the name in {@code field}. */
    public PrivacyQuestion.Asked waitForQuestion(int n, String field) throws Exception {
        waitUntil(() -> dialogs.privacyQuestions.size() >= n);
        PrivacyQuestion.Asked q = dialogs.privacyQuestions.get(n - 1);
        assertThat(q.editLabel()).isEqualTo("Ändra texten");
        assertThat(q.saveLabel()).isEqualTo("Spara ändå");
        assertThat(q.hits()).filteredOn(h -> h.field().equals(field))
                .extracting(PrivacyQuestion.Hit::kind, PrivacyQuestion.Hit::found)
                .contains(org.assertj.core.groups.Tuple.tuple(PrivacyCheck.Kind.IDENTITY_NUMBER, "19121212-1212"),
                        org.assertj.core.groups.Tuple.tuple(PrivacyCheck.Kind.NAME, "Anna Svensson"));
        assertThat(q.lines()).anyMatch(l -> l.startsWith("Personnummer ”19121212-1212” i " + field + ", tecken"));
        return q;
    }

    /** Puts the privacy policy back as it was. */
    @Override
    public void close() {
        ctx.privacy().savePolicy(before);
    }
}
