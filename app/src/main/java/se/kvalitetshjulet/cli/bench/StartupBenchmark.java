package se.kvalitetshjulet.cli.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import se.kvalitetshjulet.ui.shell.StartupProbe;

/**
 * The bench's cold start (issue 22, decision 0033): the app against a bare JavaFX window started the same way, both
 * with their own JDK AOT cache (a training run of each, untimed) and both without one, medians of the starts with
 * min–max, wall time and CPU time to the first shown window, from the start-up probe.
 */
final class StartupBenchmark {
    static final String WITH_CACHE = "Kallstart till första huvudfönster, båda med egen AOT-cache";
    static final String WITHOUT_CACHE = "Kallstart till första huvudfönster, utan AOT-cache";
    static final String CPU_WITH_CACHE = "Kallstart, CPU-tid till första huvudfönster, med AOT-cache";
    static final String CPU_WITHOUT_CACHE = "Kallstart, CPU-tid till första huvudfönster, utan AOT-cache";
    static final String GOAL = "≤ " + BenchCommand.STARTUP_GOAL + "× minimalt JavaFX-fönster";
    /** A training run starts the window, closes it and writes the cache (a second JVM assembles it): minutes here. */
    private static final long TRAINING_MINUTES = 15;

    /** One start as the probe printed it; {@code cpuSeconds} NaN when the JVM could not say. */
    record Start(double seconds, double cpuSeconds, String phases, String threads) {
    }

    private final List<String> prefix;
    private final List<String> common;
    private final List<String> app;
    private final List<String> minimal;
    private final Path dir;
    private final int repeats;

    private StartupBenchmark(List<String> prefix, List<String> common, List<String> app, List<String> minimal, Path dir,
                             int repeats) {
        this.prefix = prefix;
        this.common = common;
        this.app = app;
        this.minimal = minimal;
        this.dir = dir;
        this.repeats = repeats;
    }

    /**
     * Measures the app on {@code db} against the minimal window; the caches and the probe's home go into {@code dir}.
     * Empty figures when there is no display and no {@code xvfb-run} (one figure saying so).
     */
    static List<BenchCommand.Figure> run(Path db, Path dir, int repeats, PrintWriter o)
            throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> prefix = new ArrayList<>();
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            Optional<Path> xvfb = which("xvfb-run");
            if (xvfb.isEmpty()) {
                return List.of(new BenchCommand.Figure(WITH_CACHE, 0, "s", Double.NaN, Double.NaN, Double.NaN, GOAL,
                        null, "hoppades över: ingen skärm och ingen xvfb-run (apt-get install xvfb)"));
            }
            prefix.addAll(List.of(xvfb.get().toString(), "-a"));
        }
        Path home = Files.createTempDirectory(dir, "kh-bench-home");
        List<String> common = List.of(javaBin, "-Xmx" + BenchCommand.HEAP_LIMIT_MB + "m",
                "--enable-native-access=ALL-UNNAMED", "-D" + StartupProbe.PROPERTY + "=true",
                "-Dkvalitetshjulet.home=" + home, "-cp", System.getProperty("java.class.path"));
        return new StartupBenchmark(prefix, common, List.of("se.kvalitetshjulet.Main", "--db", db.toString()),
                List.of(StartupProbe.MinimalLauncher.class.getName()), dir, repeats).measure(o);
    }

    private List<BenchCommand.Figure> measure(PrintWriter o) throws IOException, InterruptedException {
        Path appCache = dir.resolve("kallstart-appen.aot");
        Path minimalCache = dir.resolve("kallstart-minimalt-fonster.aot");
        o.printf("%nKallstart: tränar en AOT-cache för appen och en för det minimala fönstret (otidtaget) …%n");
        o.flush();
        String appTraining = train(appCache, app);
        String minimalTraining = train(minimalCache, minimal);
        String trainingFailed = appTraining != null ? "appens AOT-träning misslyckades: " + appTraining
                : minimalTraining != null ? "det minimala fönstrets AOT-träning misslyckades: " + minimalTraining : null;
        o.println(trainingFailed == null
                ? "  AOT-cacher: appen " + appCache.getFileName() + " (" + mb(appCache) + "), minimalt fönster "
                + minimalCache.getFileName() + " (" + mb(minimalCache) + ")"
                : "  " + trainingFailed + ": starterna med cache mäts inte och bedöms inte.");
        List<Start> appCold = new ArrayList<>();
        List<Start> minimalCold = new ArrayList<>();
        List<Start> appCached = new ArrayList<>();
        List<Start> minimalCached = new ArrayList<>();
        // interleaved, so that a change of the machine's load falls on both sides alike
        for (int i = 0; i < repeats; i++) {
            appCold.add(probe(command(List.of(), app)));
            minimalCold.add(probe(command(List.of(), minimal)));
            if (trainingFailed == null) {
                appCached.add(probe(command(cached(appCache), app)));
                minimalCached.add(probe(command(cached(minimalCache), minimal)));
            }
            o.printf("  start %d av %d klar%n", i + 1, repeats);
            o.flush();
        }
        o.println("  appens faser (ms från JVM-start, sista starten utan cache): " + appCold.getLast().phases());
        if (!appCached.isEmpty()) {
            o.println("  appens faser (sista starten med cache): " + appCached.getLast().phases());
            // decision 0043: where the CPU time of the last cached start of each side went, thread by thread (ms)
            o.println("  CPU-tid per tråd, sista starten med cache (ms): appen " + appCached.getLast().threads());
            o.println("    minimalt fönster " + minimalCached.getLast().threads());
        }
        List<BenchCommand.Figure> figures = new ArrayList<>();
        if (trainingFailed == null) {
            figures.add(wall(WITH_CACHE, appCached, minimalCached, GOAL + " med egen AOT-cache", true,
                    "appen med " + appCache.getFileName() + ", minimalt fönster med " + minimalCache.getFileName()));
        } else {
            figures.add(new BenchCommand.Figure(WITH_CACHE, 0, "s", Double.NaN, Double.NaN, Double.NaN,
                    GOAL + " med egen AOT-cache", null, trainingFailed + " – ingen bedömning"));
        }
        figures.add(wall(WITHOUT_CACHE, appCold, minimalCold, "redovisas (" + GOAL + " utan cache)", false,
                "ingen AOT-cache på någon sida (bara JDK:s eget CDS-arkiv)"));
        if (trainingFailed == null) {
            figures.add(cpu(CPU_WITH_CACHE, appCached, minimalCached));
        }
        figures.add(cpu(CPU_WITHOUT_CACHE, appCold, minimalCold));
        for (BenchCommand.Figure f : figures) {
            o.printf("  %-70s %s%n", f.name(), f.detail());
        }
        o.flush();
        return figures;
    }

    private static BenchCommand.Figure wall(String name, List<Start> app, List<Start> minimal, String goal,
                                            boolean judged, String caches) {
        Stats a = Stats.of(app.stream().map(Start::seconds).toList());
        Stats m = Stats.of(minimal.stream().map(Start::seconds).toList());
        double ratio = a.median() / m.median();
        return new BenchCommand.Figure(name, 0, "s", a.median(), m.median(), ratio, goal,
                judged ? ratio <= BenchCommand.STARTUP_GOAL : null,
                "appen " + a.ms() + ", minimalt fönster " + m.ms() + ", " + a.n() + " starter var; " + caches);
    }

    private static BenchCommand.Figure cpu(String name, List<Start> app, List<Start> minimal) {
        if (app.stream().anyMatch(s -> Double.isNaN(s.cpuSeconds()))
                || minimal.stream().anyMatch(s -> Double.isNaN(s.cpuSeconds()))) {
            return new BenchCommand.Figure(name, 0, "s", Double.NaN, Double.NaN, Double.NaN, "redovisas", null,
                    "JVM:en angav ingen CPU-tid");
        }
        Stats a = Stats.of(app.stream().map(Start::cpuSeconds).toList());
        Stats m = Stats.of(minimal.stream().map(Start::cpuSeconds).toList());
        return new BenchCommand.Figure(name, 0, "s", a.median(), m.median(), a.median() / m.median(),
                "redovisas (CPU-tid, alla trådar)", null,
                "appen " + a.ms() + ", minimalt fönster " + m.ms() + " CPU-tid till första fönstret");
    }

    /** Runs with the cache or refuses to start: {@code AOTMode=on} fails rather than silently measuring without it. */
    private static List<String> cached(Path cache) {
        return List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache);
    }

    private List<String> command(List<String> jvmFlags, List<String> main) {
        List<String> c = new ArrayList<>(prefix);
        c.add(common.getFirst());
        c.addAll(jvmFlags);
        c.addAll(common.subList(1, common.size()));
        c.addAll(main);
        return c;
    }

    /** A training run: one real start to the first shown window, writing {@code cache}; null when it worked, else why. */
    private String train(Path cache, List<String> main) throws IOException, InterruptedException {
        Files.deleteIfExists(cache);
        Process p = new ProcessBuilder(command(List.of("-XX:AOTCacheOutput=" + cache), main))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "ingen cache efter " + TRAINING_MINUTES + " minuter";
        }
        if (!output.contains(StartupProbe.PREFIX)) {
            return "fönstret visades inte (" + lastLine(output) + ")";
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(cache) || Files.size(cache) == 0) {
            return "ingen cache skrevs (slutkod " + p.exitValue() + ": " + lastLine(output) + ")";
        }
        return null;
    }

    static Start probe(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(2, TimeUnit.MINUTES);
        return parse(output);
    }

    /** The probe's lines in a start's output; an IOException with the output when it printed no time. */
    static Start parse(String output) throws IOException {
        Double wall = null;
        double cpu = Double.NaN;
        String phases = "";
        String threads = "";
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.startsWith(StartupProbe.PREFIX)) {
                wall = Long.parseLong(l.substring(StartupProbe.PREFIX.length())) / 1000.0;
            } else if (l.startsWith(StartupProbe.CPU_PREFIX)) {
                cpu = Long.parseLong(l.substring(StartupProbe.CPU_PREFIX.length())) / 1000.0;
            } else if (l.startsWith(StartupProbe.PHASES_PREFIX)) {
                phases = l.substring(StartupProbe.PHASES_PREFIX.length());
            } else if (l.startsWith(StartupProbe.THREADS_PREFIX)) {
                threads = l.substring(StartupProbe.THREADS_PREFIX.length());
            }
        }
        if (wall == null) {
            throw new IOException("Start-up probe printed no time:\n" + output);
        }
        return new Start(wall, cpu, phases, threads);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "ingen utskrift" : lines[lines.length - 1].strip();
    }

    private static String mb(Path file) throws IOException {
        return "%.0f MB".formatted(Files.size(file) / (1024.0 * 1024.0));
    }

    static Optional<Path> which(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
