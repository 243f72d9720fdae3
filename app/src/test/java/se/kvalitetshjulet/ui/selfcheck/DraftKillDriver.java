package se.kvalitetshjulet.ui.selfcheck;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.ui.common.FxDialogService;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The application side of {@code DraftSurvivesKillTest}, run in its own JVM so that it can be killed: opens the
 * real self-check screen (headless toolkit) on a database file, opens one response and answers its questions the
 * way a person types — an answer, then a comment a character at a time — and prints each finished question.
 * It never saves by itself: only the screen's autosave writes. After the last question it waits to be killed.
 *
 * <p>Arguments: database file, response id.
 */
public final class DraftKillDriver {
    private DraftKillDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        long responseId = Long.parseLong(args[1]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppContext ctx = new AppContext(Database.open(db), TestDb.clock());
        I18n i18n = new I18n(Locale.of("sv"));
        SelfCheckViewModel[] vm = new SelfCheckViewModel[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            vm[0] = new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new FxTaskRunner(), new FxDialogService(i18n, () -> stage), i18n);
            stage.setScene(new Scene(new SelfCheckView(vm[0], i18n), 1200, 800));
            stage.show();
            vm[0].open(responseId);
        });
        while (onFx(() -> vm[0] == null || vm[0].items().isEmpty())) {
            Thread.sleep(50);
        }
        List<SelfCheckViewModel.QuestionItem> items = onFx(() -> List.copyOf(vm[0].items()));
        System.out.println("OPENED " + items.size());
        System.out.flush();
        for (int i = 0; i < items.size(); i++) {
            SelfCheckViewModel.QuestionItem item = items.get(i);
            String value = valueFor(item.question(), i);
            if (value == null) {
                continue;
            }
            onFx(() -> {
                item.valueProperty().set(value);
                return null;
            });
            String comment = "Fråga " + (i + 1) + ": rutinen följs men dokumentationen brister ibland";
            for (int c = 1; c <= comment.length(); c++) {
                String typed = comment.substring(0, c);
                onFx(() -> {
                    item.commentProperty().set(typed);
                    return null;
                });
                Thread.sleep(60);
            }
            System.out.println("ANSWERED " + System.currentTimeMillis() + " " + item.question().id() + " " + value + " " + comment);
            System.out.flush();
        }
        System.out.println("ALL " + System.currentTimeMillis());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** An answer of the right kind for the question, or {@code null} for a kind this driver leaves empty. */
    static String valueFor(Question q, int i) {
        return switch (q.type()) {
            case YES_NO -> i % 2 == 0 ? "JA" : "DELVIS";
            case NUMBER -> Integer.toString(3 + i);
            case PERCENTAGE -> Integer.toString(60 + i);
            case TEXT -> "Svar " + (i + 1);
            case DATE -> "2026-02-" + (10 + i);
            case SINGLE_CHOICE -> q.options().isEmpty() ? null : q.options().getFirst();
            case MULTIPLE_CHOICE -> q.options().isEmpty() ? null : q.options().getFirst();
        };
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
