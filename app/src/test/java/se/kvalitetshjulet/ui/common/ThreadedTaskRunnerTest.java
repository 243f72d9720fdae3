package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task runner on real threads: a "UI" thread of its own and worker threads. Ordering is forced with latches,
 * never with sleeps: the test decides which work finishes first.
 */
class ThreadedTaskRunnerTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService workers = Executors.newCachedThreadPool();
    /** One permit each time a worker has finished a task, including handing its outcome to the UI thread. */
    private final java.util.concurrent.Semaphore finished = new java.util.concurrent.Semaphore(0);
    private final ThreadedTaskRunner runner = new ThreadedTaskRunner(r -> workers.execute(() -> {
        try {
            r.run();
        } finally {
            finished.release();
        }
    }), ui,
            () -> Thread.currentThread().getName().equals("test-ui"));
    /** What reached the UI thread, in order (only touched on it). */
    private final List<String> delivered = new ArrayList<>();

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        ui.shutdownNow();
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get(30, TimeUnit.SECONDS);
    }

    /** Waits until {@code tasks} more tasks have finished, then until the UI thread has run what they posted. */
    private void settle(int tasks) throws Exception {
        assertThat(finished.tryAcquire(tasks, 30, TimeUnit.SECONDS)).as("work finished").isTrue();
        onUi(() -> { });
    }

    private TaskRunner.Work<String> gated(String result, CountDownLatch gate, CountDownLatch done) {
        return p -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
                return result;
            } finally {
                done.countDown();
            }
        };
    }

    @Test
    void anOlderSearchThatFinishesLastIsNeverShown() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Object key = new Object();
        onUi(() -> runner.runLatest(key, "sök", p -> {
            firstStarted.countDown();
            releaseFirst.await(30, TimeUnit.SECONDS);
            return "first";
        }, delivered::add, t -> delivered.add("failed " + t)));
        // the first search is under way (a superseded search that has not begun is not started at all)
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        onUi(() -> runner.runLatest(key, "sök", gated("second", new CountDownLatch(0), secondDone), delivered::add,
                t -> delivered.add("failed " + t)));
        settle(1);
        onUi(() -> assertThat(delivered).containsExactly("second"));
        onUi(() -> assertThat(runner.runningProperty().get()).as("the older one still runs").isTrue());

        releaseFirst.countDown();
        settle(1);
        onUi(() -> assertThat(delivered).containsExactly("second"));
        onUi(() -> assertThat(runner.runningProperty().get()).isFalse());
    }

    @Test
    void withoutAKeyBothOutcomesArriveInTheOrderTheWorkFinishes() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        onUi(() -> runner.run("spara", gated("first", releaseFirst, firstDone), delivered::add, t -> { }));
        onUi(() -> runner.run("spara", gated("second", new CountDownLatch(0), secondDone), delivered::add, t -> { }));
        settle(1);
        releaseFirst.countDown();
        settle(1);
        onUi(() -> assertThat(delivered).containsExactly("second", "first"));
    }

    @Test
    void differentKeysDoNotSupersedeEachOther() throws Exception {
        CountDownLatch aDone = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        onUi(() -> runner.runLatest("register", "sök", gated("register", gate, aDone), delivered::add, t -> { }));
        onUi(() -> runner.runLatest("actions", "sök", gated("actions", gate, bDone), delivered::add, t -> { }));
        gate.countDown();
        settle(1);
        settle(1);
        onUi(() -> assertThat(delivered).containsExactlyInAnyOrder("register", "actions"));
    }

    @Test
    void eachTaskHasItsOwnCancel() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelledDone = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        CountDownLatch releaseOther = new CountDownLatch(1);
        TaskRunner.Handle[] handle = new TaskRunner.Handle[1];
        onUi(() -> handle[0] = runner.run("export", p -> {
            try {
                started.countDown();
                new CountDownLatch(1).await(30, TimeUnit.SECONDS); // until interrupted by the cancel
                return "not cancelled";
            } finally {
                cancelledDone.countDown();
            }
        }, delivered::add, t -> delivered.add(t instanceof CancellationException ? "cancelled" : "failed " + t)));
        onUi(() -> runner.run("spara", gated("saved", releaseOther, otherDone), delivered::add,
                t -> delivered.add("failed " + t)));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        onUi(() -> handle[0].cancel());
        settle(1);
        releaseOther.countDown();
        settle(1);
        onUi(() -> assertThat(delivered).containsExactly("cancelled", "saved"));
        onUi(() -> assertThat(handle[0].isDone()).isTrue());
    }

    @Test
    void workCancelledBeforeItBeginsNeverRuns() throws Exception {
        CountDownLatch blocker = new CountDownLatch(1);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            ThreadedTaskRunner single = new ThreadedTaskRunner(r -> one.execute(() -> {
                try {
                    r.run();
                } finally {
                    finished.release();
                }
            }), ui,
                    () -> Thread.currentThread().getName().equals("test-ui"));
            CountDownLatch firstDone = new CountDownLatch(1);
            List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
            TaskRunner.Handle[] queued = new TaskRunner.Handle[1];
            onUi(() -> single.run("först", gated("first", blocker, firstDone), delivered::add, t -> { }));
            onUi(() -> queued[0] = single.run("sedan", p -> {
                ran.add("second ran");
                return "second";
            }, delivered::add, t -> delivered.add(t instanceof CancellationException ? "cancelled" : "failed")));
            onUi(() -> queued[0].cancel());
            blocker.countDown();
            settle(2);
            onUi(() -> assertThat(delivered).containsExactly("first", "cancelled"));
            assertThat(ran).isEmpty();
            onUi(() -> assertThat(single.runningProperty().get()).isFalse());
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aFailureReachesTheUiThreadWithItsCause() throws Exception {
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        onUi(() -> runner.run("läs", p -> {
            throw new IllegalStateException("disken är full");
        }, r -> delivered.add("ok"), t -> {
            failures.add(t);
            delivered.add(Thread.currentThread().getName());
        }));
        settle(1);
        onUi(() -> assertThat(delivered).containsExactly("test-ui"));
        assertThat(failures).singleElement().satisfies(t -> assertThat(t).hasMessage("disken är full"));
    }
}
