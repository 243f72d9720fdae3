package se.kvalitetshjulet.cli.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The live heap through a run: after every garbage collection the heap pools' use right after it (what survived) is
 * summed, and the highest such sum is kept. Unlike the sum of each pool's own peak (reached at different moments,
 * garbage included) this is memory the program really held at one moment, up to the garbage a young collection leaves
 * in the old generation. The run names the part it is in ({@link #part}), and the highest sum is kept per part too,
 * so the figure says where the heap was highest (decision 0046).
 */
final class HeapSampler implements AutoCloseable {
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    /** The highest heap after a collection per part of the run, in the order the parts began. */
    private final Map<String, Long> perPart = new LinkedHashMap<>();
    private volatile String part = "start";

    static HeapSampler start() {
        HeapSampler s = new HeapSampler();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(s.listener, null, null);
                s.emitters.add(e);
            }
        }
        return s;
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        collections.incrementAndGet();
        maxAfterGc.accumulateAndGet(used, Math::max);
        String now = part;
        synchronized (perPart) {
            perPart.merge(now, used, Math::max);
        }
    }

    /** The run goes on with {@code name} ("import av 1 000 000 rader"): collections from now on count for it. */
    void part(String name) {
        part = name;
    }

    /** The highest heap after a collection per part (bytes), in the order the parts began; parts without one left out. */
    Map<String, Long> perPart() {
        synchronized (perPart) {
            return new LinkedHashMap<>(perPart);
        }
    }

    /** The parts as one line, the heaviest marked: "bygga 1 000 000: 120 MB, import av 1 000 000 rader: 250 MB (högst)". */
    String describeParts() {
        Map<String, Long> parts = perPart();
        long top = parts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> out = new ArrayList<>();
        parts.forEach((name, bytes) -> out.add("%s %.0f MB%s".formatted(name, bytes / (1024.0 * 1024.0),
                bytes == top ? " (högst)" : "")));
        return String.join(", ", out);
    }

    /** The highest heap in use right after a collection so far (bytes); 0 before the first collection. */
    long maxAfterGc() {
        return maxAfterGc.get();
    }

    long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
