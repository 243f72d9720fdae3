package se.kvalitetshjulet.service.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a file's rows on a thread of their own while the caller handles the rows already read (decision 0040): the
 * parsing of the CSV or XLSX (decoding, quoting, splitting) runs beside the checking and writing, on the second core.
 * The handler still runs on the calling thread, in the file's order, so everything it touches (the import's
 * transaction, the result being collected) stays on one thread. At most {@value #BATCHES} batches of {@value #BATCH}
 * rows wait at a time, so memory stays bounded whatever the file's size. The reading thread's own time is returned,
 * so the import's phases can show the CPU it spent beside the calling thread's.
 */
final class ReadAhead {
    static final int BATCH = 256;
    static final int BATCHES = 16;

    private record Row(long number, List<String> values) { }

    private record Failure(Throwable error) { }

    private static final Object END = new Object();

    private ReadAhead() {
    }

    /**
     * As {@link TabularReader#forEachRow}: every data row to {@code handler} until it returns false. A file that
     * turns out unreadable throws the reader's {@link ImportFileException} here; an exception of the handler stops
     * the reading thread. When this returns or throws, the reading thread has ended and the file is closed.
     */
    static Timing forEachRow(TabularReader reader, TabularReader.RowHandler handler) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
        AtomicBoolean stop = new AtomicBoolean();
        long[] timing = {-1, -1};
        Thread producer = Thread.ofPlatform().daemon().name("kvalitetshjulet-import-read").start(() -> {
            long wall0 = System.nanoTime();
            long cpu0 = se.kvalitetshjulet.data.repo.ImportPhases.cpu();
            try {
                List<List<Row>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
                reader.forEachRow((number, values) -> {
                    batch.getFirst().add(new Row(number, values));
                    if (batch.getFirst().size() == BATCH) {
                        if (!put(queue, batch.getFirst(), stop)) {
                            return false;
                        }
                        batch.set(0, new ArrayList<>(BATCH));
                    }
                    return !stop.get();
                });
                if (!batch.getFirst().isEmpty()) {
                    put(queue, batch.getFirst(), stop);
                }
                put(queue, END, stop);
            } catch (Throwable e) {
                put(queue, new Failure(e), stop);
            } finally {
                long cpu = se.kvalitetshjulet.data.repo.ImportPhases.cpu();
                timing[0] = (System.nanoTime() - wall0) / 1_000_000;
                timing[1] = cpu < 0 || cpu0 < 0 ? -1 : (cpu - cpu0) / 1_000_000;
            }
        });
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    break;
                }
                if (next instanceof Failure f) {
                    if (f.error() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (f.error() instanceof Error e) {
                        throw e;
                    }
                    throw new IllegalStateException(f.error());
                }
                @SuppressWarnings("unchecked")
                List<Row> rows = (List<Row>) next;
                boolean more = true;
                for (Row r : rows) {
                    if (!handler.row(r.number(), r.values())) {
                        more = false;
                        break;
                    }
                }
                if (!more) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Importen avbröts.");
        } finally {
            stop.set(true);
            queue.clear();
            boolean interrupted = false;
            while (producer.isAlive()) {
                try {
                    producer.join(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                queue.clear();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        // the reading thread has ended (joined above), so its figures are written
        return new Timing(timing[0], timing[1]);
    }

    /** The reading thread's wall-clock and CPU milliseconds (CPU -1 where the JVM cannot tell). */
    record Timing(long wallMs, long cpuMs) { }

    /** Puts {@code item} unless the consumer has stopped; false when it has. */
    private static boolean put(BlockingQueue<Object> queue, Object item, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
