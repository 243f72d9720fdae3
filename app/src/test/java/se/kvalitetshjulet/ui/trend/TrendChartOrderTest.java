package se.kvalitetshjulet.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.ThreadedTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * The chart screen with the real task runner on real threads: the user picks lex Sarah, then HSL before the lex
 * Sarah chart has answered, and that chart answers last. The screen must show the HSL chart (the last thing asked
 * for), never the lex Sarah one. (Two worker threads: before "latest wins" here the late answer replaced the chart.)
 */
class TrendChartOrderTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicBoolean holdNext = new AtomicBoolean();
    private final List<Runnable> held = new ArrayList<>();
    private final Semaphore finished = new Semaphore(0);
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private TrendViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        ThreadedTaskRunner runner = new ThreadedTaskRunner(r -> {
            if (holdNext.compareAndSet(true, false)) {
                synchronized (held) {
                    held.add(r);
                }
                return;
            }
            pool.execute(() -> runCounted(r));
        }, ui, () -> Thread.currentThread().getName().equals("test-ui"));
        onUi(() -> vm = new TrendViewModel(FeatureContexts.trend(SharedDemo.get()), runner, dialogs,
                new I18n(Locale.of("sv"))));
        onUi(() -> vm.refresh());
        awaitTasks(2); // the lists, then the first chart
    }

    private void runCounted(Runnable r) {
        try {
            r.run();
        } finally {
            finished.release();
        }
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        ui.shutdownNow();
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get(60, TimeUnit.SECONDS);
    }

    private void awaitTasks(int n) throws Exception {
        assertThat(finished.tryAcquire(n, 120, TimeUnit.SECONDS)).as("charts finished").isTrue();
        onUi(() -> { });
    }

    private String shownTitle() throws Exception {
        String[] title = new String[1];
        onUi(() -> title[0] = vm.chartProperty().get().title());
        return title[0];
    }

    @Test
    void theLastKindChosenIsTheChartShownEvenWhenAnEarlierChartAnswersLast() throws Exception {
        TrendSettings[] lexSarah = new TrendSettings[1];
        holdNext.set(true);
        onUi(() -> {
            vm.kindProperty().set(DeviationKind.LEX_SARAH);
            lexSarah[0] = vm.settings();
        });
        onUi(() -> vm.kindProperty().set(DeviationKind.HSL_AVVIKELSE));
        awaitTasks(1);
        String hsl = shownTitle();
        assertThat(hsl).as("the HSL chart's title").isNotEqualTo(vm.build(lexSarah[0]).title());

        // now the lex Sarah chart, asked for first, answers last
        Runnable first;
        synchronized (held) {
            assertThat(held).as("the lex Sarah chart held back").hasSize(1);
            first = held.getFirst();
        }
        Thread late = new Thread(() -> runCounted(first), "late-worker");
        late.start();
        awaitTasks(1);

        assertThat(shownTitle()).as("the chart shown after the late answer").isEqualTo(hsl);
        onUi(() -> assertThat(vm.kindProperty().get()).isEqualTo(DeviationKind.HSL_AVVIKELSE));
        assertThat(dialogs.unexpected).isEmpty();
    }
}
