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

import se.kvalitetshjulet.data.ServerUrl;

/**
 * The reference of {@code bench --db postgresql://…} (decision 0036): PostgreSQL's own {@code psql} running the same
 * SQL against the same server database, timed by its {@code \timing} (milliseconds with three decimals: from sending
 * the statement until the whole result has arrived, as the app's figure is).
 */
final class PsqlCli {
    /** {@code Time: 12.345 ms} or, from a second on, {@code Time: 1234.567 ms (00:01.235)}. */
    private static final Pattern TIME = Pattern.compile("^Time: ([0-9]+\\.[0-9]+) ms", Pattern.MULTILINE);
    /** psql's field separator for counted results: a character no count or name holds. */
    private static final String SEPARATOR = "\u001f";

    private final String executable;

    private PsqlCli(String executable) {
        this.executable = executable;
    }

    static Optional<PsqlCli> at(Path executable) {
        return Files.isExecutable(executable) && !Files.isDirectory(executable)
                ? Optional.of(new PsqlCli(executable.toString())) : Optional.empty();
    }

    static Optional<PsqlCli> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Optional<PsqlCli> p = at(Path.of(dir, "psql"));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    String version() {
        try {
            String v = run(null, null, List.of("--version"), "").strip();
            return v.startsWith("psql (PostgreSQL) ") ? v.substring("psql (PostgreSQL) ".length()) : v;
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Runs the statements {@code repeats + 1} times in one psql session (the first round warms the server's caches
     * and psql's connection, as the application's pooled connection is warm) and returns the seconds of each later
     * round, summed over its statements. The results go to /dev/null; only {@code \timing} is read.
     */
    List<Double> time(ServerUrl url, String password, List<String> statements, int repeats) throws IOException {
        StringBuilder script = new StringBuilder("\\timing on\n\\o /dev/null\n");
        for (int r = 0; r <= repeats; r++) {
            for (String s : statements) {
                script.append(s.strip()).append(";\n");
            }
        }
        String out = run(url, password, List.of(), script.toString());
        Matcher m = TIME.matcher(out);
        List<Double> each = new ArrayList<>();
        while (m.find()) {
            each.add(Double.parseDouble(m.group(1)) / 1000.0);
        }
        if (each.size() != (repeats + 1) * statements.size()) {
            throw new IOException("psql gav " + each.size() + " tider, väntade " + (repeats + 1) * statements.size()
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
     * What the statements counted, by the bench's rule for every engine: the sum of each result row's last column
     * over all statements (a count query's one value, an aggregate's counts).
     */
    long counted(ServerUrl url, String password, List<String> statements) throws IOException {
        long sum = 0;
        for (String s : statements) {
            String out = run(url, password, List.of("-A", "-t", "-F", SEPARATOR), s.strip() + ";\n");
            for (String line : out.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String last = line.substring(line.lastIndexOf(SEPARATOR) + 1).strip();
                try {
                    sum += last.isEmpty() ? 0 : Long.parseLong(last);
                } catch (NumberFormatException e) {
                    throw new IOException("psql gav inget tal i sista kolumnen: " + line, e);
                }
            }
        }
        return sum;
    }

    /**
     * psql with the bench's connection: host, port, database, login and sslmode from the address; the password (when
     * the bench has one, from PGPASSWORD, ~/.pgpass or PGPASSFILE) handed over in the child's PGPASSWORD only.
     */
    private String run(ServerUrl url, String password, List<String> args, String stdin) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable, "-X", "-q", "-v", "ON_ERROR_STOP=1"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (url != null) {
            cmd.add("host=" + conninfo(url.host()) + " port=" + url.port() + " dbname=" + conninfo(url.database())
                    + " user=" + conninfo(url.user()) + " sslmode=" + url.sslmode() + " application_name=kvh-bench-psql");
            pb.command(cmd);
            if (password != null) {
                pb.environment().put("PGPASSWORD", password);
            }
        }
        pb.environment().put("PGCLIENTENCODING", "UTF8");
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("psql misslyckades: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** A value in libpq's key=value connection string: quoted, with ' and \ escaped. */
    static String conninfo(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
