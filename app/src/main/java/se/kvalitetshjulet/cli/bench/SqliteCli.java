package se.kvalitetshjulet.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference: the {@code sqlite3} command-line tool running the same SQL on the same file,
 * timed by its own {@code .timer}.
 */
final class SqliteCli {
    private static final Pattern RUN_TIME = Pattern.compile("Run Time: real ([0-9.]+)");

    private final String executable;

    private SqliteCli(String executable) {
        this.executable = executable;
    }

    /** The given executable, or none when it is missing (then no reference is measured). */
    static Optional<SqliteCli> at(Path executable) {
        return Files.isExecutable(executable) && !Files.isDirectory(executable)
                ? Optional.of(new SqliteCli(executable.toString())) : Optional.empty();
    }

    static Optional<SqliteCli> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "sqlite3");
            if (Files.isExecutable(p)) {
                return Optional.of(new SqliteCli(p.toString()));
            }
        }
        return Optional.empty();
    }

    String version() {
        try {
            return run(null, List.of("--version"), "").strip().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Runs the statements {@code repeats + 1} times in one process (the first round warms the
     * page cache, as the application's pooled connection is warm) and returns the seconds of
     * each later round, summed over its statements.
     */
    List<Double> time(Path db, List<String> statements, int repeats) throws IOException {
        StringBuilder script = new StringBuilder(".timer on\n.output /dev/null\n");
        for (int r = 0; r <= repeats; r++) {
            for (String s : statements) {
                script.append(s.strip()).append(";\n");
            }
        }
        String out = run(db, List.of(), script.toString());
        Matcher m = RUN_TIME.matcher(out);
        List<Double> each = new ArrayList<>();
        while (m.find()) {
            each.add(Double.parseDouble(m.group(1)));
        }
        if (each.size() != (repeats + 1) * statements.size()) {
            throw new IOException("sqlite3 gave " + each.size() + " timings, expected " + (repeats + 1) * statements.size()
                    + ":\n" + out);
        }
        List<Double> rounds = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            double sum = 0;
            for (int i = 0; i < statements.size(); i++) {
                sum += each.get(r * statements.size() + i);
            }
            rounds.add(sum);
        }
        return rounds;
    }

    /**
     * For answers near or below the {@code .timer}'s millisecond: the statements run k times in one sqlite3 process
     * and once in another (the same start, file opening and warm-up), and the difference of the two processes' wall
     * times divided by k is one execution's time. k comes from first, untimed batches of {@link #CALIBRATION}
     * executions, four times more each until one lasts 50 ms (the timer cannot say whether a "0.000" is 10 µs or
     * 400 µs), so that a batch lasts about
     * {@link #BATCH_SECONDS}. Then {@code repeats} rounds, each its own pair of processes.
     */
    Batched timeBatched(Path db, List<String> statements, int repeats) throws IOException {
        // calibrate: grow the untimed batch until it outlasts the noise of starting a process (50 ms of work)
        double first = 0;
        for (int k = CALIBRATION; k <= 20000; k *= 4) {
            double diff = Math.max(0, timeScript(db, script(statements, k)) - timeScript(db, script(statements, 0)));
            first = diff / k;
            if (diff >= 0.05) {
                break;
            }
        }
        int batch = batchFor(first);
        String once = script(statements, 0);
        String many = script(statements, batch);
        List<Double> rounds = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            double base = timeScript(db, once);
            double all = timeScript(db, many);
            rounds.add(Math.max(0, all - base) / batch);
        }
        return new Batched(rounds, batch);
    }

    private static final Pattern CPU_TIME = Pattern.compile("Run Time: real [0-9.]+ user ([0-9.]+) sys ([0-9.]+)");

    /**
     * CPU seconds (user + sys, as sqlite3's {@code .timer} reports them from getrusage) of one execution of the
     * statements, per round: {@code repeats} rounds of {@code batch} executions in one process after one untimed round,
     * each round's sum over its statements divided by {@code batch}. No process start, output or pipe is in it: on a
     * loaded machine this is the figure that the other processes do not move (decision 0044).
     */
    List<Double> cpuPerExecution(Path db, List<String> statements, int batch, int repeats) throws IOException {
        StringBuilder script = new StringBuilder(".timer on\n.output /dev/null\n");
        int executions = 1 + batch * repeats;
        for (int k = 0; k < executions; k++) {
            for (String st : statements) {
                script.append(st.strip()).append(";\n");
            }
        }
        Matcher m = CPU_TIME.matcher(run(db, List.of(), script.toString()));
        List<Double> each = new ArrayList<>();
        while (m.find()) {
            each.add(Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)));
        }
        if (each.size() != executions * statements.size()) {
            throw new IOException("sqlite3 gave " + each.size() + " CPU timings, expected " + executions * statements.size());
        }
        List<Double> rounds = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            double sum = 0;
            int from = (1 + r * batch) * statements.size();
            for (int i = from; i < from + batch * statements.size(); i++) {
                sum += each.get(i);
            }
            rounds.add(sum / batch);
        }
        return rounds;
    }

    /** Seconds per execution of each round, and how many executions a round's batch had. */
    record Batched(List<Double> rounds, int batch) { }

    static final int CALIBRATION = 50;
    static final double BATCH_SECONDS = 0.15;

    /** The statements once (the warm-up) and then {@code batch} times more, output discarded. */
    private static String script(List<String> statements, int batch) {
        StringBuilder b = new StringBuilder(".output /dev/null\n");
        for (int k = 0; k <= batch; k++) {
            for (String s : statements) {
                b.append(s.strip()).append(";\n");
            }
        }
        return b.toString();
    }

    /** How many executions a batch needs so that a round of {@code seconds} each lasts {@link #BATCH_SECONDS}. */
    static int batchFor(double seconds) {
        return (int) Math.max(2, Math.min(20000, Math.ceil(BATCH_SECONDS / Math.max(seconds, 0.0000075))));
    }

    /** Runs one query that returns a single integer (a count) and returns it: to compare what both engines found. */
    long count(Path db, String sql) throws IOException {
        String out = run(db, List.of(), sql.strip() + ";\n").strip();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            throw new IOException("sqlite3 did not return a count: " + out, e);
        }
    }

    /** Wall-clock seconds of {@code sqlite3 NEWDB} importing a CSV file with {@code .import}. */
    double timeImport(Path db, String createTable, Path csv, String table) throws IOException {
        // the bench's CSV is separated by semicolons: ".import --csv" alone splits on commas (two columns a row, and a
        // warning line a row: 96 MB of output at a million rows; decision 0046)
        String script = createTable + ";\n.mode csv\n.separator ;\n.import --skip 1 '" + csv.toString().replace("'", "''")
                + "' " + table + "\n";
        long t0 = System.nanoTime();
        run(db, List.of(), script);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Wall-clock seconds of sqlite3 running {@code script} on {@code db} (its start included, as for the import). */
    double timeScript(Path db, String script) throws IOException {
        long t0 = System.nanoTime();
        run(db, List.of(), script);
        return (System.nanoTime() - t0) / 1e9;
    }

    private String run(Path db, List<String> args, String stdin) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.add("-batch");
        cmd.addAll(args);
        if (db != null) {
            cmd.add(db.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // the script is written by its own thread: a script whose output outgrows the pipe (a .timer line per
        // statement of a long batch) would otherwise leave both sides waiting for each other
        java.util.concurrent.atomic.AtomicReference<IOException> writeFailure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread writer = Thread.ofVirtual().start(() -> {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                writeFailure.set(e);
            }
        });
        String out = bounded(p.getInputStream());
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (writeFailure.get() != null && p.isAlive()) {
            throw writeFailure.get();
        }
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("sqlite3 failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** What the bench keeps of sqlite3's output: its timings, counts and messages are far below this. */
    static final int MAX_OUTPUT = 4 << 20;

    /**
     * sqlite3's output, read to the end (so the process never blocks on a full pipe) but kept only up to
     * {@link #MAX_OUTPUT} bytes, with a line saying how much more there was: a script that warns once a row must not
     * put a hundred megabytes on the bench's heap (decision 0046).
     */
    static String bounded(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long dropped = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            int keep = (int) Math.max(0, Math.min(n, MAX_OUTPUT - kept.size()));
            kept.write(buf, 0, keep);
            dropped += n - keep;
        }
        String out = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? out : out + "\n… (" + dropped + " byte till utelämnade)\n";
    }
}
