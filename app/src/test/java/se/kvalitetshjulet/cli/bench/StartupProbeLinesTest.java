package se.kvalitetshjulet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.ui.shell.StartupProbe;

/**
 * The start-up probe's lines as the bench reads them (decision 0043): wall and CPU time, the phases and, new, the CPU
 * time of each of the process's threads, which is what says where a start's work went.
 */
class StartupProbeLinesTest {
    @Test
    void theBenchReadsTheProbesLinesIncludingTheThreadsAndStillAnOutputWithoutThem() throws IOException {
        var start = StartupBenchmark.parse("""
                some log line
                KH_STARTUP_MS=1234
                KH_STARTUP_CPU_MS=987
                KH_STARTUP_PHASES=main=80,toolkit=700,window=1200
                KH_STARTUP_THREADS=C2 CompilerThre=300,JavaFX Applicat=210,java=120
                """);
        assertThat(start.seconds()).isEqualTo(1.234);
        assertThat(start.cpuSeconds()).isEqualTo(0.987);
        assertThat(start.phases()).isEqualTo("main=80,toolkit=700,window=1200");
        assertThat(start.threads()).isEqualTo("C2 CompilerThre=300,JavaFX Applicat=210,java=120");

        var older = StartupBenchmark.parse("KH_STARTUP_MS=900\nKH_STARTUP_CPU_MS=450\n");
        assertThat(older.threads()).isEmpty();
        assertThatThrownBy(() -> StartupBenchmark.parse("no probe here")).isInstanceOf(IOException.class);
    }

    @Test
    void theThreadLineNamesABusyThreadWithItsCpuTime() throws Exception {
        String line = StartupProbe.threadCpu();
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(line).as("no /proc: nothing to say, and nothing invented").isEmpty();
            return;
        }
        // a thread of our own that has used at least 60 ms of CPU, by its own clock
        AtomicReference<String> seen = new AtomicReference<>();
        Thread busy = Thread.ofPlatform().name("kh-probe-busy").start(() -> {
            var mx = ManagementFactory.getThreadMXBean();
            long x = 0;
            while (mx.getCurrentThreadCpuTime() < 60_000_000L) {
                x += Long.numberOfTrailingZeros(x + 1) ^ x;
            }
            seen.set(StartupProbe.threadCpu() + (x == 0 ? "" : ""));
        });
        busy.join();
        var entries = Arrays.stream(seen.get().split(",")).map(e -> e.split("=", 2)).toList();
        assertThat(entries).allSatisfy(e -> assertThat(e[1]).matches("\\d+"));
        Map<String, Long> byName = entries.stream()
                .collect(Collectors.toMap(e -> e[0], e -> Long.parseLong(e[1]), Long::sum));
        assertThat(byName).containsKey("kh-probe-busy");
        assertThat(byName.get("kh-probe-busy")).as("its user + system time in ms (10 ms ticks)").isGreaterThanOrEqualTo(40);
        // busiest first
        assertThat(entries.stream().map(e -> Long.parseLong(e[1])).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
