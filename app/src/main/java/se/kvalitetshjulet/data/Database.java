package se.kvalitetshjulet.data;

import se.kvalitetshjulet.domain.Passphrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The one place that opens the database. Checks a file before touching it (refusing
 * anything that is not ours or is newer), backs it up before migrating, migrates with
 * Flyway and hands out a jOOQ {@link DSLContext}. Every write goes through {@link #tx}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String MIGRATIONS = "classpath:db/migration";
    /**
     * The placeholder that starts every line of a migration for SQLite only (V27_5's roll-ups, decision 0021): empty
     * here, a comment marker on PostgreSQL ({@code PostgresServer.placeholders}).
     */
    static final String SQLITE_ONLY = "sqlite_only";
    /** The tables only a SQLite file has (the roll-ups of V27_5): a server never has them. */
    static final String SQLITE_ONLY_TABLE_PREFIX = "agg_";
    /**
     * The newest migration in {@code db/migration}. Kept as a constant so that opening a current
     * database needs no Flyway at all (Flyway's start-up costs about a second);
     * {@code DatabaseTest} fails if it drifts from the migrations Flyway finds.
     */
    public static final String SCHEMA_VERSION = "46";

    static {
        NativeSqlite.configure();
    }

    private final Path file;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final Engine engine;
    private final boolean readOnly;
    /** The key of an encrypted file (kept for backups written with the same key), null for a plain one. */
    private final Passphrase key;
    /**
     * Whether the file was found sound at open (its quick_check clean, or skipped for a file unchanged since its last
     * clean check, decision 0042-a) and nothing since said otherwise: the close then records it as known good.
     */
    private volatile boolean soundAtOpen;

    private Database(Path file, HikariDataSource dataSource, boolean readOnly, Passphrase key) {
        this(file, dataSource, new SqliteEngine(file), readOnly, key);
    }

    /** For either engine; {@code file} is null for a server database. */
    Database(Path file, HikariDataSource dataSource, Engine engine) {
        this(file, dataSource, engine, false, null);
    }

    private Database(Path file, HikariDataSource dataSource, Engine engine, boolean readOnly, Passphrase key) {
        this.key = key;
        this.file = file;
        this.readOnly = readOnly;
        this.dataSource = dataSource;
        this.engine = engine;
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
        this.dsl = DSL.using(dataSource, engine.dialect(), settings);
    }

    /**
     * Opens what the user named with {@code --db} or in the GUI: a {@code postgresql://} address opens the shared
     * server database ({@link PostgresServer}, which must be set up by {@code server init}), anything else is a path to
     * a SQLite file ({@link #open(Path)}).
     *
     * @throws IllegalArgumentException for a malformed server address (Swedish message)
     */
    public static Database open(String location) {
        return open(location, null);
    }

    /** As {@link #open(String)}; the passphrase opens (or creates) an encrypted file (decision 0013). */
    public static Database open(String location, Passphrase passphrase) {
        if (ServerUrl.isServerUrl(location)) {
            return PostgresServer.open(ServerUrl.parse(location), PostgresServer.Mode.USE);
        }
        return open(Path.of(location), passphrase);
    }

    /**
     * Opens (creating if missing) and migrates the database at {@code file}.
     *
     * @throws DatabaseRefusedException when the file is not ours or is newer; it is then left untouched
     */
    public static Database open(Path file) {
        return open(file, null);
    }

    /**
     * Opens (creating if missing) and migrates the database at {@code file} with a passphrase (decision 0013). A new
     * file is encrypted from its first byte when a passphrase is given; an existing encrypted file needs the right one.
     * An existing plain file opens plain (the passphrase is not used; {@code encrypt} turns it into an encrypted one).
     *
     * @param passphrase null for none
     * @throws DatabaseRefusedException when the file is not ours, newer, encrypted without (the right) passphrase; it
     *                                  is then left untouched
     */
    public static Database open(Path file, Passphrase passphrase) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean existed = Files.exists(absolute) && sizeOf(absolute) > 0;
        MigrationVersion current = null;
        boolean encrypted;
        if (existed) {
            Inspection inspection = inspect(absolute, passphrase);
            current = inspection.version();
            encrypted = inspection.encrypted();
        } else {
            encrypted = passphrase != null;
            if (encrypted && !encryptionAvailable()) {
                throw encryptionUnavailable(absolute);
            }
            try {
                FilePermissions.folderFor(absolute.getParent());
                FilePermissions.createPrivateFile(absolute);
            } catch (IOException e) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN,
                        "Databasen " + absolute + " kunde inte skapas. Kontrollera att du har skrivrättighet i mappen "
                                + absolute.getParent() + (DatabaseProblems.diskFull(e) ? " och att disken inte är full" : "")
                                + ".", e);
            }
        }
        Passphrase key = encrypted ? passphrase : null;
        HikariDataSource ds;
        try {
            ds = pool(absolute, false, key);
        } catch (RuntimeException e) {
            throw DatabaseProblems.refusal(absolute, e);
        }
        try {
            probeWritable(ds, absolute);
            // A current database opens without Flyway (its start-up costs about a second), but not without
            // validation: every applied script must still be the one on the classpath (Flyway's checksum).
            if (current != null && current.equals(MigrationVersion.fromVersion(SCHEMA_VERSION))
                    && MigrationChecksums.historyMatchesScripts(ds)) {
                return sound(new Database(absolute, ds, false, key), current != null);
            }
            Flyway flyway = flyway(ds);
            if (existed && flyway.info().pending().length > 0) {
                backup(ds, absolute, key);
            }
            flyway.migrate();
            return sound(new Database(absolute, ds, false, key), current != null);
        } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
            ds.close();
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN,
                    "Databasen " + absolute + " har en ändringshistorik som inte stämmer med den här versionen av "
                            + "Kvalitetshjulet (en uppgradering har ändrats i efterhand). Filen har inte ändrats. "
                            + "Öppna den med den version som skapade den, eller återställ en säkerhetskopia.", e);
        } catch (DatabaseRefusedException e) {
            ds.close();
            throw e;
        } catch (RuntimeException e) {
            ds.close();
            if (DatabaseProblems.busy(e) || DatabaseProblems.diskFull(e) || DatabaseProblems.readOnly(e)
                    || DatabaseProblems.damaged(e)) {
                throw DatabaseProblems.refusal(absolute, e);
            }
            throw e;
        }
    }

    /**
     * Opens an existing, current database for reading only (exports, reports, {@code check}): works on a read-only
     * file or in a read-only folder, never migrates and never writes.
     *
     * @throws DatabaseRefusedException when the file is missing, not ours, newer, damaged or needs an upgrade
     */
    public static Database openReadOnly(Path file) {
        return openReadOnly(file, null);
    }

    /** As {@link #openReadOnly(Path)} with the passphrase of an encrypted file. */
    public static Database openReadOnly(Path file, Passphrase passphrase) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || sizeOf(absolute) == 0) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN,
                    "Databasen " + absolute + " finns inte. Kontrollera sökvägen.", null);
        }
        Inspection inspection = inspect(absolute, passphrase);
        MigrationVersion current = inspection.version();
        Passphrase key = inspection.encrypted() ? passphrase : null;
        if (current == null || !current.equals(latestKnownVersion())) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.READ_ONLY, "Databasen " + absolute
                    + " behöver uppgraderas till den här versionen innan den kan läsas, och det kräver skrivrättighet. "
                    + "Öppna den en gång med skrivrättighet (t.ex. 'kvalitetshjulet check --db " + absolute + "').", null);
        }
        HikariDataSource ds;
        try {
            ds = pool(absolute, true, key);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.executeQuery("SELECT count(*) FROM flyway_schema_history").close();
            }
        } catch (RuntimeException | SQLException e) {
            throw DatabaseProblems.refusal(absolute, e);
        }
        // read with the file's key, so an encrypted file is checked like a plain one
        if (!MigrationChecksums.historyMatchesScripts(ds)) {
            ds.close();
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN, "Databasen " + absolute
                    + " har en ändringshistorik som inte stämmer med den här versionen av Kvalitetshjulet (en "
                    + "uppgradering har ändrats i efterhand). Filen har inte ändrats. Öppna den med den version som "
                    + "skapade den, eller återställ en säkerhetskopia.", null);
        }
        return sound(new Database(absolute, ds, true, key), true);
    }

    /**
     * Marks a database whose file passed (or validly skipped) the check at open: one that had a schema version when it
     * was inspected; a new or empty file was not checked.
     */
    private static Database sound(Database db, boolean checked) {
        db.soundAtOpen = checked;
        return db;
    }

    /**
     * Fails with the true reason when the file cannot be written (read-only file or folder); a writer holding the
     * lock right now is no reason to refuse.
     */
    private static void probeWritable(DataSource ds, Path file) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            try {
                st.execute("BEGIN IMMEDIATE");
                st.execute("ROLLBACK");
            } catch (SQLException e) {
                if (!DatabaseProblems.busy(e)) {
                    throw DatabaseProblems.refusal(file, e);
                }
            } finally {
                st.execute("PRAGMA busy_timeout = " + busyTimeoutMillis());
            }
        } catch (SQLException e) {
            throw DatabaseProblems.refusal(file, e);
        }
    }

    /**
     * How long a writer waits for another to finish before it gives up (and says so): 20 s, or
     * {@code -Dkvalitetshjulet.busyTimeoutMs}.
     */
    static int busyTimeoutMillis() {
        return Integer.getInteger("kvalitetshjulet.busyTimeoutMs", 20_000);
    }

    /** The highest migration version this build of the application knows. */
    public static MigrationVersion latestKnownVersion() {
        return MigrationVersion.fromVersion(SCHEMA_VERSION);
    }

    /** The highest migration Flyway finds on the classpath (for the test that keeps {@link #SCHEMA_VERSION} true). */
    public static MigrationVersion latestMigrationOnClasspath() {
        SQLiteDataSource probe = new SQLiteDataSource();
        probe.setUrl("jdbc:sqlite::memory:");
        MigrationInfo[] all = flyway(probe).info().all();
        return Arrays.stream(all).map(MigrationInfo::getVersion).max(Comparator.naturalOrder())
                .orElse(MigrationVersion.EMPTY);
    }

    private static Flyway flyway(DataSource ds) {
        // group: all pending migrations in one transaction (SQLite's DDL is transactional), so an upgrade that is
        // killed or fails half-way leaves the file at the version it had, never between two (decision 16)
        return Flyway.configure()
                .dataSource(ds)
                .locations(MIGRATIONS)
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY", SQLITE_ONLY, ""))
                .group(true)
                .load();
    }

    /**
     * Read-only inspection: header, readability, ownership and schema version. Writes nothing.
     *
     * @return the schema version the file has, or {@code null} for an empty file
     */
    static MigrationVersion inspect(Path file) {
        return inspect(file, null).version();
    }

    /** What a read-only look at a file found: its schema version (null when empty) and whether it is encrypted. */
    record Inspection(MigrationVersion version, boolean encrypted, boolean quickChecked) {
    }

    /**
     * Read-only inspection with an optional passphrase. A file without SQLite's plain header whose size is a whole
     * number of pages may be encrypted: without a passphrase it is refused (as not readable, with a word about the
     * passphrase), and a passphrase that does not open it is refused as {@code PASSPHRASE_WRONG}. Writes nothing.
     */
    static Inspection inspect(Path file, Passphrase passphrase) {
        // stamped before any connection touches it (decision 0042-a): unchanged since its last clean check and close
        boolean unchanged = KnownGoodFiles.unchanged(file);
        byte[] header = new byte[SQLITE_HEADER.length];
        boolean encrypted;
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            encrypted = read < header.length || !Arrays.equals(header, SQLITE_HEADER);
            if (encrypted && (sizeOf(file) < 512 || sizeOf(file) % 512 != 0)) {
                throw notADatabase(file, null);
            }
        } catch (IOException e) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN,
                    "Filen " + file + " kunde inte läsas. Kontrollera att den finns och att du har läsrättighet.", e);
        }
        if (encrypted && !encryptionAvailable()) {
            throw encryptionUnavailable(file);
        }
        if (encrypted && passphrase == null) {
            // An encrypted file looks like random bytes: it may be either (reason NOT_A_DATABASE, see mayBeEncrypted)
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_A_DATABASE,
                    "Filen " + file + " är inte en läsbar databas utan lösenfras: den är krypterad, skadad eller av en "
                            + "annan typ. Är den krypterad, ange lösenfrasen (i programmet i dialogen, på kommandoraden "
                            + "med --passphrase-file FIL eller miljövariabeln KVALITETSHJULET_PASSPHRASE). "
                            + "Filen har inte ändrats.", null);
        }
        Passphrase key = encrypted ? passphrase : null;
        Connection opened;
        try {
            opened = inspectionConnection(file, key);
        } catch (SQLException e) {
            if (key != null && DatabaseProblems.sqliteCode(e).startsWith("SQLITE_NOTADB")) {
                throw wrongPassphrase(file, e);
            }
            if (DatabaseProblems.sqliteCode(e).startsWith("SQLITE_NOTADB")) {
                throw notADatabase(file, e);
            }
            throw DatabaseProblems.refusal(file, e);
        }
        try (Connection c = opened;
             Statement st = c.createStatement()) {
            boolean hasHistory;
            int tables;
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                hasHistory = names.contains("flyway_schema_history");
                tables = names.size();
            }
            if (!hasHistory) {
                if (tables > 0) {
                    throw new DatabaseRefusedException(DatabaseRefusedException.Reason.FOREIGN_DATABASE,
                            "Filen " + file + " är en SQLite-databas men inte en Kvalitetshjulet-databas. "
                                    + "Välj en annan fil eller skapa en ny databas.", null);
                }
                return new Inspection(null, encrypted, false);
            }
            MigrationVersion known = latestKnownVersion();
            MigrationVersion highest = MigrationVersion.EMPTY;
            try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                while (rs.next()) {
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    if (v.isNewerThan(highest.getVersion())) {
                        highest = v;
                    }
                    if (v.isNewerThan(known.getVersion())) {
                        throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NEWER_VERSION,
                                "Databasen " + file + " har skapats av en nyare version av Kvalitetshjulet (schema "
                                        + v + ", den här versionen känner till " + known + "). "
                                        + "Uppdatera programmet; filen har inte ändrats.", null);
                    }
                }
            }
            List<String> problems = new ArrayList<>();
            if (unchanged) {
                LOG.info("quick_check of {} skipped: the file is as it was after its last clean check and close "
                        + "(decision 0042-a)", file);
            } else {
                try (ResultSet rs = st.executeQuery("PRAGMA quick_check(20)")) {
                    while (rs.next()) {
                        if (!"ok".equalsIgnoreCase(rs.getString(1))) {
                            problems.add(rs.getString(1));
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                KnownGoodFiles.forget(file);
                LOG.warn("quick_check of {} found {} problem(s): {}", file, problems.size(), problems);
                throw DatabaseProblems.damagedRefusal(file, "integritetskontrollen hittade " + problems.size()
                        + (problems.size() >= 20 ? " eller fler" : "") + " fel", null);
            }
            return new Inspection(highest, encrypted, !unchanged);
        } catch (SQLException e) {
            if (DatabaseProblems.sqliteCode(e).startsWith("SQLITE_NOTADB")) {
                throw notADatabase(file, e);
            }
            throw DatabaseProblems.refusal(file, e);
        }
    }

    /**
     * A read-only connection for inspection. A WAL database in a read-only folder cannot be opened read-only the
     * ordinary way (SQLite wants to create its -shm file), so it is then opened as immutable.
     */
    private static Connection inspectionConnection(Path file, Passphrase key) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        if (key != null) {
            applyKey(config, key);
        }
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.executeQuery("SELECT count(*) FROM sqlite_master").close();
            return c;
        } catch (SQLException e) {
            c.close();
            if (!DatabaseProblems.sqliteCode(e).startsWith("SQLITE_READONLY")
                    && !DatabaseProblems.sqliteCode(e).startsWith("SQLITE_CANTOPEN")) {
                throw e;
            }
            return config.createConnection(immutableUrl(file));
        }
    }

    private static String immutableUrl(Path file) {
        return "jdbc:sqlite:" + file.toUri() + "?immutable=1";
    }

    private static DatabaseRefusedException notADatabase(Path file, Throwable cause) {
        return new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_A_DATABASE,
                "Filen " + file + " är inte en läsbar databas (den är skadad eller av en annan typ). "
                        + "Filen har inte ändrats. Välj en annan fil, eller om det är din databas: se "
                        + "säkerhetskopiorna med 'kvalitetshjulet backup list --db " + file + "'.", cause);
    }

    /** Whether {@code file} could be an encrypted database: no plain SQLite header, a whole number of pages. */
    public static boolean mayBeEncrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(SQLITE_HEADER.length);
            long size = sizeOf(file);
            return !Arrays.equals(header, SQLITE_HEADER) && size >= 512 && size % 512 == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static DatabaseRefusedException wrongPassphrase(Path file, Throwable cause) {
        return new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_WRONG,
                "Lösenfrasen öppnar inte " + file + " (eller så är filen ingen Kvalitetshjulet-databas). "
                        + "Kontrollera lösenfrasen och försök igen. Filen har inte ändrats.", cause);
    }

    private static DatabaseRefusedException encryptionUnavailable(Path file) {
        return new DatabaseRefusedException(DatabaseRefusedException.Reason.ENCRYPTION_UNAVAILABLE,
                "Databasen " + file + " är krypterad eller ska krypteras, men den här versionen av programmet saknar "
                        + "krypteringsstöd (den byggdes utan C-kompilator). Använd det installerade programmet eller "
                        + "bygg med en C-kompilator (se README). Filen har inte ändrats.", null);
    }

    private static volatile Boolean encryptionAvailable;

    /** Whether this build can open and write encrypted databases (SQLite3 Multiple Ciphers is loaded). */
    public static boolean encryptionAvailable() {
        Boolean known = encryptionAvailable;
        if (known == null) {
            boolean ok = false;
            if (NativeSqlite.configure()) {
                try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT sqlite3mc_version()")) {
                    ok = rs.next() && rs.getString(1) != null;
                } catch (SQLException e) {
                    LOG.warn("SQLite3 Multiple Ciphers is not loaded: encryption unavailable");
                }
            }
            encryptionAvailable = known = ok;
        }
        return known;
    }

    /** The cipher scheme every encrypted database uses (decision 0013); fixed, never the library's default. */
    static final String CIPHER = "chacha20";

    private static void applyKey(SQLiteConfig config, Passphrase passphrase) {
        config.setHexKeyMode(SQLiteConfig.HexKeyMode.SSE);
        config.setPragma(SQLiteConfig.Pragma.PASSWORD, passphrase.hex());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static HikariDataSource pool(Path file, boolean readOnly, Passphrase key) {
        SQLiteConfig config = new SQLiteConfig();
        if (key != null) {
            applyKey(config, key);
        }
        // temporary tables and sort spills stay in memory, never in plain files (decision 0013)
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis());
        config.setDateClass("TEXT");
        if (readOnly) {
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            // a write transaction takes the lock at BEGIN, so a second writer waits its turn (busy timeout) instead
            // of failing at once with SQLITE_BUSY when its read lock cannot be upgraded
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(config) {
            @Override
            public org.sqlite.SQLiteConnection getConnection(String user, String password) throws java.sql.SQLException {
                org.sqlite.SQLiteConnection c = super.getConnection(user, password);
                registerFunctions(c);
                return c;
            }
        };
        sqlite.setUrl(readOnly && !canReadOrdinarily(file, key) ? immutableUrl(file) : "jdbc:sqlite:" + file);
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(sqlite);
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(1);
        hc.setPoolName("kvalitetshjulet");
        hc.setReadOnly(readOnly);
        return new HikariDataSource(hc);
    }

    private static boolean canReadOrdinarily(Path file, Passphrase key) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        if (key != null) {
            applyKey(config, key);
        }
        try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeQuery("SELECT count(*) FROM sqlite_master").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * SQL functions SQLite lacks, registered on every pooled connection. {@value #UNICODE_LOWER}(text) lower-cases
     * all of Unicode (SQLite's own {@code lower()} only knows A–Z, so "ÄLDREBOENDE" would not match "äldre").
     * PostgreSQL's {@code lower()} is already Unicode-aware; see {@code repo.TextSearch}.
     */
    private static void registerFunctions(java.sql.Connection c) throws java.sql.SQLException {
        org.sqlite.Function.create(c, UNICODE_LOWER, new org.sqlite.Function() {
            @Override
            protected void xFunc() throws java.sql.SQLException {
                String v = value_text(0);
                result(v == null ? null : v.toLowerCase(java.util.Locale.ROOT));
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    /** Name of the Unicode lower-case SQL function registered on SQLite connections. */
    public static final String UNICODE_LOWER = "kvh_lower";

    /** The backup before a migration (encrypted like the database); see {@link Backups#create}. */
    private static void backup(DataSource ds, Path file, Passphrase key) {
        try (Connection c = ds.getConnection()) {
            Backups.create(c, file, key, se.kvalitetshjulet.domain.backup.BackupKind.UPGRADE,
                    java.time.LocalDateTime.now());
        } catch (SQLException e) {
            throw DatabaseProblems.refusal(file, e);
        }
    }

    /**
     * A consistent copy of the database at {@code target} ({@code VACUUM INTO}), encrypted with the same passphrase
     * when the database is encrypted, plain when it is plain. The target must not exist.
     */
    public void copyTo(Path target) {
        copyTo(target, key);
    }

    /** {@link #copyTo(Path)} with another key (null: plain), for {@code encrypt} and {@code rekey}. */
    void copyTo(Path target, Passphrase targetKey) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(vacuumInto(target, targetKey));
        } catch (SQLException e) {
            throw new IllegalStateException("Kopian till " + target + " kunde inte skrivas: " + e.getMessage(), e);
        }
    }

    /** {@code VACUUM INTO} a URI carrying the cipher and key of the copy (SQLite3 Multiple Ciphers), or a plain path. */
    static String vacuumInto(Path target, Passphrase key) {
        String uri = target.toAbsolutePath().toUri().toString();
        if (key != null) {
            uri += "?cipher=" + CIPHER + "&hexkey=" + key.hex();
        }
        return "VACUUM INTO '" + uri.replace("'", "''") + "'";
    }

    /** Writes a manual backup of this database now (SQLite's online backup); the rotation as in {@link Backups}. */
    public Path backupNow() {
        return backupNow(se.kvalitetshjulet.domain.backup.BackupKind.MANUAL, java.time.LocalDateTime.now());
    }

    /**
     * Writes a backup of the given kind, named with the time {@code now} (the caller's clock), encrypted like the
     * database; then prunes what the database's backup policy no longer keeps.
     */
    public Path backupNow(se.kvalitetshjulet.domain.backup.BackupKind kind, java.time.LocalDateTime now) {
        if (file == null) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN, "En serverdatabas "
                    + "säkerhetskopieras på servern (pg_dump eller serverns egna säkerhetskopior), inte härifrån.", null);
        }
        try (Connection c = dataSource.getConnection()) {
            return Backups.create(c, file, key, kind, now);
        } catch (SQLException e) {
            throw DatabaseProblems.refusal(file, e);
        }
    }

    /**
     * Closes this database and puts {@code backup} in its place ({@link Backups#restore}: checked first, the current
     * file kept as a backup of its own, all or nothing). This object stays closed; {@link #reopen()} opens the file
     * again with the same passphrase, whether the restore succeeded or not.
     */
    public Backups.Restored closeAndRestore(Path backup) {
        if (file == null || readOnly) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN, file == null
                    ? "En serverdatabas återställs på servern, inte härifrån."
                    : "Databasen är öppnad skrivskyddad och kan inte återställas.", null);
        }
        close();
        KnownGoodFiles.forget(file);
        return Backups.restore(file, backup, key);
    }

    /** Opens the same file again, with the same passphrase (after {@link #closeAndRestore}). */
    public Database reopen() {
        return open(file, key);
    }

    /**
     * SQLite's full integrity check (every page and index).
     *
     * @return the problems found (SQLite's own wording, for the log), empty when the database is sound
     */
    public List<String> integrityCheck() {
        List<String> problems = new ArrayList<>();
        if (file == null) {
            return problems; // a server database: PostgreSQL checks its own pages (data checksums)
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                if (!"ok".equalsIgnoreCase(rs.getString(1))) {
                    problems.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            if (!DatabaseProblems.damaged(e)) {
                throw DatabaseProblems.refusal(file, e);
            }
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            // never recorded as known good again until a check finds it clean (decision 0042-a)
            soundAtOpen = false;
            KnownGoodFiles.forget(file);
        }
        return problems;
    }

    /** Whether this database was opened for reading only ({@link #openReadOnly}). */
    public boolean readOnly() {
        return readOnly;
    }

    /** The SQLite file, or {@code null} for a server database (use {@link #describe()} for display). */
    public Path file() {
        return file;
    }

    /** The engine behind this database: the seam for what differs between SQLite and PostgreSQL. */
    public Engine engine() {
        return engine;
    }

    /** The file path or server address, for titles and messages. */
    public String describe() {
        return engine.describe();
    }

    /** Whether the file is encrypted at rest (decision 0013). */
    public boolean encrypted() {
        return key != null;
    }

    /** The passphrase of an encrypted database, for code that opens the same file again (backups, restore). */
    Passphrase key() {
        return key;
    }

    /** Read access; repositories use it for queries. */
    public DSLContext dsl() {
        return dsl;
    }

    /** Runs {@code work} in one transaction: all of it is written or none of it. */
    public <T> T tx(Function<DSLContext, T> work) {
        return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
    }

    public void txRun(Consumer<DSLContext> work) {
        dsl.transaction(cfg -> work.accept(cfg.dsl()));
    }

    /**
     * h5: a connection of its own, outside the pool (decision 0030): for the change feed that keeps one open for as
     * long as the database is, without taking a pooled connection from the screens.
     */
    java.sql.Connection ownConnection() throws java.sql.SQLException {
        return dataSource.getDataSource().getConnection();
    }

    /** h5: true once {@link #close()} has run. */
    boolean closed() {
        return dataSource.isClosed();
    }

    /**
     * Closes every connection; a file found sound at open is then recorded as known good with its size, times and
     * header as they are now (decision 0042-a: the next open of an unchanged large file skips its quick_check).
     */
    @Override
    public void close() {
        boolean wasOpen = !dataSource.isClosed();
        dataSource.close();
        if (wasOpen && file != null && soundAtOpen) {
            KnownGoodFiles.record(file);
        }
    }
}
